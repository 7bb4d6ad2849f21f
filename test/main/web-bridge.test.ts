import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebBridge, type WebBridge } from '../../main/web-bridge';
import { contract } from '../../shared/contract';
import { openHarness } from '../support/app-harness';
import { tempDir } from '../support/temp-dir';

let bridge: WebBridge;
let closeAll: () => Promise<void>;

/** Raw requests, because fetch will not let a test forge Host. */
function request(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: () => unknown; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, method, path: pathname, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * An upload the test controls: the headers go at once (declaring whatever length the test likes), the body only as
 * the test writes it. `response` settles when the bridge answers, even while the body is still incomplete.
 */
function upload(
  target: WebBridge,
  pathname: string,
  headers: Record<string, string | number>,
): { req: http.ClientRequest; response: Promise<{ status: number; json: () => unknown }> } {
  const req = http.request({ host: '127.0.0.1', port: target.port, method: 'POST', path: pathname, headers });
  const response = new Promise<{ status: number; json: () => unknown }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }));
      // The bridge closes the connection after refusing a body; a reset after the answer is expected.
      res.on('error', () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { req, response };
}

/** Writes `chunk` again and again (respecting back-pressure) until the bridge answers; returns the answer. */
async function streamUntilAnswered(
  target: WebBridge,
  pathname: string,
  chunk: Buffer,
  maxBytes: number,
): Promise<{ status: number; written: number; json: () => unknown }> {
  const { req, response } = upload(target, pathname, { ...authedFor(target), 'transfer-encoding': 'chunked' });
  let answered = false;
  const result = response.finally(() => (answered = true));
  let written = 0;
  // Write errors after the answer (the bridge hung up) are what a refusal looks like from here.
  req.on('error', () => undefined);
  while (!answered && written < maxBytes) {
    const more = req.write(chunk);
    written += chunk.length;
    if (!more) await Promise.race([new Promise((r) => req.once('drain', r)), result.catch(() => undefined)]);
  }
  if (!answered) req.end();
  const { status, json } = await result;
  req.destroy();
  return { status, written, json };
}

const authedFor = (target: WebBridge) => ({ host: `127.0.0.1:${target.port}`, 'content-type': 'application/json', 'x-bridge-token': target.token });
const own = () => ({ host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json' });
const authed = () => ({ ...own(), 'x-bridge-token': bridge.token });

beforeAll(async () => {
  const harness = await openHarness();
  const statics = await tempDir();
  await writeFile(path.join(statics.dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  bridge = await startWebBridge({ dispatch: harness.dispatch, bus: harness.services.bus, staticDir: statics.dir });
  closeAll = async () => {
    await bridge.close();
    await harness.close();
    await statics.cleanup();
  };
});
afterAll(async () => closeAll());

describe('web bridge', () => {
  it('listens on loopback only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('puts the per-run token in the page it serves, with the CSP header', async () => {
    const res = await request('GET', '/', own());
    expect(res.status).toBe(200);
    expect(res.text).toContain(`content="${bridge.token}"`);
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    expect((await request('POST', '/api/profile:get', own(), '{}')).status).toBe(401);
    const wrong = await request('POST', '/api/profile:get', { ...own(), 'x-bridge-token': 'f'.repeat(64) }, '{}');
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const res = await request('POST', '/api/profile:get', { ...authed(), host: `evil.example:${bridge.port}` }, '{}');
    expect(res.status).toBe(403);
    const page = await request('GET', '/', { host: 'attacker.test' });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin (cross-site call) with 403', async () => {
    const res = await request('POST', '/api/profile:get', { ...authed(), origin: 'https://evil.example' }, '{}');
    expect(res.status).toBe(403);
    const ok = await request('POST', '/api/profile:get', { ...authed(), origin: `http://127.0.0.1:${bridge.port}` }, '{}');
    expect(ok.status).toBe(200);
  });

  it('answers 404 for a channel that does not exist', async () => {
    const res = await request('POST', '/api/contacts:dropAll', authed(), '{}');
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('answers 400 naming the field for an invalid body', async () => {
    const body = JSON.stringify({ businessName: 'Shop', country: 'gb', phone: '07400123456', locale: 'en', mode: 'sandbox' });
    const res = await request('POST', '/api/profile:save', authed(), body);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'country' } });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await request('POST', '/api/profile:save', authed(), '{not json');
    expect(res.status).toBe(400);
  });

  it('runs a valid call through the real services', async () => {
    const body = JSON.stringify({ businessName: 'Shop', country: 'GB', phone: '07400 123456', locale: 'en', mode: 'sandbox' });
    const res = await request('POST', '/api/profile:save', authed(), body);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { phoneE164: '+447400123456' } });
  });

  it('does not serve files outside its folder', async () => {
    const res = await request('GET', '/..%2f..%2fetc%2fpasswd', own());
    expect(res.status).toBe(404);
  });

  it('answers 400, not 500, for a malformed percent-encoding in the path', async () => {
    const api = await request('POST', '/api/profile%E0%A4%A:get', authed(), '{}');
    expect(api.status).toBe(400);
    expect(api.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await request('GET', '/%E0%A4%A', own())).status).toBe(400);
  });
});

describe('web bridge request bodies', () => {
  // Waiting for the bridge to notice, not timing it: generous for a loaded machine.
  const WAIT = { timeout: 10_000 };
  const DEFAULT_LIMIT = 256 * 1024;

  it("keeps the import's own larger limit next to its channel in the contract", () => {
    expect(contract['import:run'].maxBodyBytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(contract['import:preview'].maxBodyBytes).toBe(contract['import:run'].maxBodyBytes);
    expect('maxBodyBytes' in contract['profile:get']).toBe(false);
  });

  it('refuses a too-large Content-Length with 413 before reading any of the body', async () => {
    const before = bridge.bodyStats().peakBufferedBytes;
    const { req, response } = upload(bridge, '/api/profile:get', { ...authed(), 'content-length': 60 * 1024 * 1024 });
    const res = await response;
    req.destroy();
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(bridge.bodyStats().peakBufferedBytes).toBe(before);
  });

  it('refuses a body over the import limit early too', async () => {
    const limit = contract['import:run'].maxBodyBytes!;
    const { req, response } = upload(bridge, '/api/import:run', { ...authed(), 'content-length': limit + 1 });
    expect((await response).status).toBe(413);
    req.destroy();
  });

  it('stops reading a chunked body once it passes the channel limit and answers 413', async () => {
    const res = await streamUntilAnswered(bridge, '/api/profile:get', Buffer.alloc(64 * 1024, 0x20), 8 * 1024 * 1024);
    expect(res.status).toBe(413);
    // Never more than the limit was held for this request, and far less than the client wanted to send.
    expect(bridge.bodyStats().peakBufferedBytes).toBeLessThanOrEqual(DEFAULT_LIMIT);
    expect(res.written).toBeLessThan(8 * 1024 * 1024);
    await vi.waitFor(() => expect(bridge.bodyStats()).toMatchObject({ inFlight: 0, bufferedBytes: 0 }), WAIT);
  });

  it('accepts an import body larger than the default limit', async () => {
    const text = `phone,name\n${'+447400123456,Ana\n'.repeat(20_000)}`;
    const body = JSON.stringify({ text, fileName: 'big.csv' });
    expect(body.length).toBeGreaterThan(DEFAULT_LIMIT);
    const res = await request('POST', '/api/import:preview', authed(), body);
    expect(res.status).toBe(200);
  });

  it('reads at most 4 bodies at once and answers 503 beyond, releasing slots when clients go away', async () => {
    // Eight parallel uploads that each declare 100 KiB and send 1 KiB, then hold: the attack shape, without the bytes.
    const uploads = Array.from({ length: 8 }, () => upload(bridge, '/api/profile:get', { ...authed(), 'content-length': 100 * 1024 }));
    for (const u of uploads) {
      u.req.on('error', () => undefined);
      u.req.write(Buffer.alloc(1024, 0x20));
    }
    const answered: number[] = [];
    for (const u of uploads) void u.response.then((r) => answered.push(r.status)).catch(() => undefined);
    await vi.waitFor(() => expect(answered).toHaveLength(4), WAIT);
    expect(answered).toEqual([503, 503, 503, 503]);
    expect(bridge.bodyStats().inFlight).toBe(4);
    expect(bridge.bodyStats().bufferedBytes).toBeLessThanOrEqual(4 * 1024);
    for (const u of uploads) u.req.destroy();
    await vi.waitFor(() => expect(bridge.bodyStats()).toMatchObject({ inFlight: 0, bufferedBytes: 0 }), WAIT);
    expect((await request('POST', '/api/profile:get', authed(), '{}')).status).toBe(200);
  });

  it('never holds more body bytes than its budget, with real bytes arriving in parallel', async () => {
    const budget = 1024 * 1024;
    const small = await startWebBridge({
      dispatch: async () => ({ ok: true, value: null }),
      bus: { listen: () => () => undefined } as never,
      staticDir: '/nonexistent',
      maxBufferedBytes: budget,
    });
    try {
      const body = JSON.stringify({ text: 'x'.repeat(400 * 1024), fileName: 'a.csv' });
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () => {
          const { req, response } = upload(small, '/api/import:preview', { ...authedFor(small), 'content-length': Buffer.byteLength(body) });
          req.on('error', () => undefined);
          req.end(body);
          return response.then((r) => r.status);
        }),
      );
      // Two 400 KiB bodies fit in 1 MiB at once; a body that would pass the budget is turned away (503), never buffered.
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
      expect(small.bodyStats().peakBufferedBytes).toBeLessThanOrEqual(budget);
      expect(small.bodyStats().peakBufferedBytes).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });

  it('bounds the bytes of all bodies together: eight 60 MB imports do not all get a slot', async () => {
    const budgeted = await startWebBridge({
      dispatch: async () => ({ ok: true, value: null }),
      bus: { listen: () => () => undefined } as never,
      staticDir: '/nonexistent',
      maxBufferedBytes: 128 * 1024 * 1024,
    });
    try {
      const uploads = Array.from({ length: 8 }, () =>
        upload(budgeted, '/api/import:run', { ...authedFor(budgeted), 'content-length': 60 * 1000 * 1000 }),
      );
      for (const u of uploads) {
        u.req.on('error', () => undefined);
        u.req.write(Buffer.alloc(1024, 0x20));
      }
      const answered: number[] = [];
      for (const u of uploads) void u.response.then((r) => answered.push(r.status)).catch(() => undefined);
      await vi.waitFor(() => expect(answered).toHaveLength(6), WAIT);
      expect(answered.every((s) => s === 503)).toBe(true);
      expect(budgeted.bodyStats().inFlight).toBe(2);
      expect(budgeted.bodyStats().reservedBytes).toBeLessThanOrEqual(128 * 1024 * 1024);
      expect(budgeted.bodyStats().bufferedBytes).toBeLessThanOrEqual(2 * 1024);
      for (const u of uploads) u.req.destroy();
      await vi.waitFor(() => expect(budgeted.bodyStats()).toMatchObject({ inFlight: 0, reservedBytes: 0, bufferedBytes: 0 }), WAIT);
    } finally {
      await budgeted.close();
    }
  });
});
