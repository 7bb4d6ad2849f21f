import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudEmulator, type CloudEmulator } from '../../../tools/cloud-emulator';

// Issue 12 item 5: a web page that finds the emulator's port must not be able to drive /_emulator/ (opt a number
// in, redirect status webhooks). Each call below is one a browser page could make; none may change anything.

let emu: CloudEmulator;
beforeAll(async () => {
  emu = await startCloudEmulator({ pairIntervalMs: 0, webhookUrl: null });
});
afterAll(async () => emu.close());

/** A raw request, so Host, Origin and Sec-Fetch-Site are exactly what a browser would send. */
function call(route: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}/_emulator/${route}`, { method: init.method ?? 'POST', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = () => ({ 'content-type': 'application/json', 'x-emulator-token': emu.controlToken });
const redirect = JSON.stringify({ url: 'http://attacker.example/hook' });
const optIn = JSON.stringify({ from: '16505551234', text: 'START' });

describe('emulator control routes refuse what a web page could send', () => {
  it('gives every run its own token, and the start API returns it', async () => {
    const other = await startCloudEmulator({ webhookUrl: null });
    try {
      expect(emu.controlToken).toMatch(/^[0-9a-f]{48}$/);
      expect(other.controlToken).not.toBe(emu.controlToken);
    } finally {
      await other.close();
    }
    const chosen = await startCloudEmulator({ webhookUrl: null, controlToken: 'chosen-by-the-test' });
    try {
      expect(chosen.controlToken).toBe('chosen-by-the-test');
    } finally {
      await chosen.close();
    }
  });

  it('refuses a call without the token, or with a wrong one (401)', async () => {
    expect((await call('webhook-url', { headers: { 'content-type': 'application/json' }, body: redirect })).status).toBe(401);
    expect((await call('webhook-url', { headers: { 'content-type': 'application/json', 'x-emulator-token': 'guess' }, body: redirect })).status).toBe(401);
    expect((await call('sent', { method: 'GET' })).status).toBe(401);
    expect((await call('inbound', { headers: { 'content-type': 'application/json' }, body: optIn })).status).toBe(401);
  });

  it('refuses a text/plain body, the kind a page can post without a preflight (415), even with the token', async () => {
    const r = await call('inbound', { headers: { 'content-type': 'text/plain', 'x-emulator-token': emu.controlToken }, body: optIn });
    expect(r.status).toBe(415);
    expect((await call('webhook-url', { headers: { 'x-emulator-token': emu.controlToken }, body: redirect })).status).toBe(415);
  });

  it('refuses cross-site requests by Origin or Sec-Fetch-Site (403), even with the token', async () => {
    expect((await call('webhook-url', { headers: { ...json(), origin: 'https://evil.example' }, body: redirect })).status).toBe(403);
    expect((await call('webhook-url', { headers: { ...json(), 'sec-fetch-site': 'cross-site' }, body: redirect })).status).toBe(403);
    expect((await call('webhook-url', { headers: { ...json(), 'sec-fetch-site': 'same-site' }, body: redirect })).status).toBe(403);
    expect((await call('sent', { method: 'GET', headers: { ...json(), origin: 'null' } })).status).toBe(403);
  });

  it('changed nothing while refusing, and answers the rightful caller', async () => {
    expect(emu.control.sent()).toEqual([]);
    expect(emu.control.webhooks()).toEqual([]);
    const own = await call('inbound', { headers: { ...json(), origin: emu.url, 'sec-fetch-site': 'same-origin' }, body: optIn });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body).messageId).toMatch(/^wamid\./);
    expect((await call('sent', { method: 'GET', headers: { 'x-emulator-token': emu.controlToken } })).status).toBe(200);
  });
});
