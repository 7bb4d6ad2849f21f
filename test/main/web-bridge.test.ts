import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebBridge, type WebBridge } from '../../main/web-bridge';
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
});
