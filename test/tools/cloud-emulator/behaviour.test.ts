import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloudEmulator, type CloudEmulator } from '../../../tools/cloud-emulator';
import { startCollector } from './collector';

let emu: CloudEmulator;
let hooks: Awaited<ReturnType<typeof startCollector>>;
const send = async (body: Record<string, unknown>) => {
  const response = await fetch(`${emu.url}/v23.0/${emu.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emu.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
  });
  const json = await response.json();
  return { status: response.status, json, code: json.error?.code as number | undefined };
};
const tpl = (to: string, name = 'hello_world', components?: unknown[], language = 'en_US') =>
  send({ to, type: 'template', template: { name, language: { code: language }, ...(components ? { components } : {}) } });
const body = (...texts: string[]) => [{ type: 'body', parameters: texts.map((text) => ({ type: 'text', text })) }];

beforeAll(async () => {
  hooks = await startCollector();
  emu = await startCloudEmulator({
    pairIntervalMs: 0,
    webhookUrl: hooks.url,
    appSecret: 'shh',
    statusDelays: { sent: 1, delivered: 3, read: 5 },
    recipients: { '15550000001': 'not_on_whatsapp', '15550000002': 'undeliverable', '15550000003': 'marketing_limit', '15550000004': 'marketing_stopped' },
  });
});
afterAll(async () => {
  await emu.close();
  await hooks.close();
});
beforeEach(() => emu.control.reset());
afterEach(async () => {
  await emu.control.idle();
  hooks.posts.length = 0;
});

describe('emulator checks', () => {
  it('validates bodies with 100 / 131008 / 131009', async () => {
    expect((await send({ to: '16505551234', type: 'carrier_pigeon', carrier_pigeon: {} })).code).toBe(100);
    expect((await send({ messaging_product: 'sms', to: '16505551234', type: 'text', text: { body: 'x' } })).code).toBe(100);
    expect((await send({ type: 'text', text: { body: 'x' } })).code).toBe(131008);
    expect((await send({ to: '16505551234', type: 'template', template: { language: { code: 'en_US' } } })).code).toBe(131008);
    expect((await send({ to: 'abc', type: 'text', text: { body: 'x' } })).code).toBe(131009);
    emu.control.openWindow('16505551234');
    const buttons = Array.from({ length: 4 }, (_, i) => ({ type: 'reply', reply: { id: `b${i}`, title: 'ok' } }));
    expect((await send({ to: '16505551234', type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons } } })).code).toBe(131009);
    expect(emu.control.sent()).toHaveLength(0);
  });

  it('checks the template catalogue: 132001, 132015, 132016, 132000', async () => {
    expect((await tpl('16505551234', 'no_such_template')).code).toBe(132001);
    expect((await tpl('16505551234', 'order_ready', body('a', 'b'), 'pt_BR')).code).toBe(132001);
    expect((await tpl('16505551234', 'pending_promo')).code).toBe(132001);
    expect((await tpl('16505551234', 'paused_promo')).code).toBe(132015);
    expect((await tpl('16505551234', 'disabled_promo')).code).toBe(132016);
    expect((await tpl('16505551234', 'order_ready', body('only one'))).code).toBe(132000);
    expect((await tpl('16505551234', 'weekly_offer', body('Ana', '2 for 1'))).status).toBe(200);
    await emu.control.setTemplateStatus('hello_world', 'en_US', 'PAUSED');
    expect((await tpl('16505551234')).code).toBe(132015);
  });

  it('knows who is on WhatsApp (131026) and refuses sending to itself (131021)', async () => {
    expect((await tpl('15550000001')).code).toBe(131026);
    expect((await tpl('15550783881')).code).toBe(131021);
    emu.control.setRecipient('16505550000', 'not_on_whatsapp');
    expect((await tpl('16505550000')).code).toBe(131026);
  });

  it('enforces the 24 h window for free-form messages only (131047)', async () => {
    let now = Date.UTC(2026, 0, 1);
    const local = await startCloudEmulator({ pairIntervalMs: 0, clock: () => now });
    try {
      const text = () =>
        fetch(`${local.url}/v23.0/${local.phoneNumberId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${local.accessToken}` },
          body: JSON.stringify({ messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hi' } }),
        }).then((r) => r.json());
      expect((await text()).error.code).toBe(131047);
      await local.control.simulateInbound({ from: '16505551234', text: 'hello' });
      expect((await text()).messages).toHaveLength(1);
      now += 24 * 3600_000 - 1;
      expect((await text()).messages).toHaveLength(1);
      now += 1;
      expect((await text()).error.code).toBe(131047);
    } finally {
      await local.close();
    }
  });

  it('fails the next N calls with the injected code, then recovers', async () => {
    emu.control.failNext(2, { code: 131016, pathIncludes: '/messages' });
    expect((await tpl('16505551234')).status).toBe(503);
    expect((await tpl('16505551234')).code).toBe(131016);
    expect((await tpl('16505551234')).status).toBe(200);
    expect(emu.control.rejections()).toEqual({ '131016': 2 });
  });

  it('refuses a wrong or missing bearer token with 190 / 401', async () => {
    for (const authorization of ['Bearer nope', '']) {
      const response = await fetch(`${emu.url}/v23.0/${emu.phoneNumberId}`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: 190, type: 'OAuthException' });
    }
  });
});

describe('emulator webhooks', () => {
  it('posts signed sent → delivered → read carrying biz_opaque_callback_data', async () => {
    const { json } = await send({ to: '16505551234', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } }, biz_opaque_callback_data: 'outbox-7' });
    await emu.control.idle();
    for (const p of hooks.posts) {
      expect(p.signature).toBe(`sha256=${createHmac('sha256', 'shh').update(p.body).digest('hex')}`);
      expect(p.json.entry[0]).toMatchObject({ id: emu.wabaId, changes: [{ field: 'messages', value: { metadata: { phone_number_id: emu.phoneNumberId } } }] });
    }
    const statuses = hooks.statuses();
    expect(statuses.map((s) => s.status).sort()).toEqual(['delivered', 'read', 'sent']);
    for (const s of statuses) expect(s).toMatchObject({ id: json.messages[0].id, recipient_id: '16505551234', biz_opaque_callback_data: 'outbox-7' });
    expect(statuses.find((s) => s.status === 'delivered').pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('fails by webhook with 131026, and 131049 / 131050 for marketing templates only', async () => {
    await tpl('15550000002');
    await tpl('15550000003', 'weekly_offer', body('A', 'B'));
    await tpl('15550000004', 'weekly_offer', body('A', 'B'));
    await tpl('15550000004');
    await emu.control.idle();
    const failed = hooks.statuses().filter((s) => s.status === 'failed');
    expect(failed.map((s) => [s.recipient_id, s.errors[0].code]).sort()).toEqual([
      ['15550000002', 131026],
      ['15550000003', 131049],
      ['15550000004', 131050],
    ]);
    expect(hooks.statuses().filter((s) => s.recipient_id === '15550000004' && s.status === 'read')).toHaveLength(1);
  });

  it('duplicates and reorders deliveries under chaos', async () => {
    emu.control.configure({ chaos: { duplicateRate: 1, reorderRate: 1, random: () => 0 }, statusDelays: { sent: 1, delivered: 2, read: 4 } });
    await tpl('16505551234');
    await emu.control.idle();
    const statuses = hooks.statuses();
    expect(statuses).toHaveLength(6);
    expect(statuses.filter((s) => s.status === 'read')).toHaveLength(2);
    const timestamps = statuses.map((s) => s.status);
    expect(timestamps.indexOf('read')).toBeLessThan(timestamps.indexOf('delivered'));
  });

  it('simulates inbound text, STOP button and interactive replies', async () => {
    const a = await emu.control.simulateInbound({ from: '+16505551234', text: 'Hi! (ref: POSTER-1)', name: 'Sheena Nelson' });
    await emu.control.simulateInbound({ from: '16505551234', button: { payload: 'STOP', text: 'Stop updates' } });
    await emu.control.simulateInbound({ from: '16505551234', interactive: { type: 'list_reply', id: 'yes', title: 'Yes' } });
    const values = hooks.posts.map((p) => p.json.entry[0].changes[0].value);
    expect(values[0].contacts).toEqual([{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }]);
    expect(values[0].messages[0]).toMatchObject({ from: '16505551234', id: a.messageId, type: 'text', text: { body: 'Hi! (ref: POSTER-1)' } });
    expect(values[0].messages[0].timestamp).toMatch(/^\d+$/);
    expect(values[1].messages[0]).toMatchObject({ type: 'button', button: { payload: 'STOP', text: 'Stop updates' } });
    expect(values[2].messages[0]).toMatchObject({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'yes', title: 'Yes' } } });
  });

  it('retries webhooks that are not answered 200', async () => {
    const flaky = await startCollector((n) => (n < 3 ? 500 : 200));
    try {
      emu.control.setWebhookUrl(flaky.url);
      emu.control.configure({ statusDelays: { sent: 1, delivered: null, read: null } });
      await tpl('16505551234');
      await emu.control.idle();
      expect(flaky.posts.map((p) => p.body)).toEqual([flaky.posts[0]!.body, flaky.posts[0]!.body, flaky.posts[0]!.body]);
      expect(emu.control.webhooks().map((d) => d.httpStatus)).toEqual([500, 500, 200]);
    } finally {
      await flaky.close();
    }
  });
});

describe('emulator control over HTTP', () => {
  const control = (route: string, payload?: unknown, host?: string) =>
    fetch(`${emu.url}/_emulator/${route}`, {
      method: payload === undefined ? 'GET' : 'POST',
      headers: { 'x-emulator-token': emu.controlToken, 'content-type': 'application/json', ...(host ? { host } : {}) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });

  it('drives failures, inbound, windows and records as JSON', async () => {
    expect((await control('fail-next', { count: 1, code: 131048 })).status).toBe(200);
    expect((await tpl('16505551234')).code).toBe(131048);
    const inbound = await (await control('inbound', { from: '16505551234', text: 'YES' })).json();
    expect(inbound.messageId).toMatch(/^wamid\./);
    expect((await send({ to: '16505551234', type: 'text', text: { body: 'thanks' } })).status).toBe(200);
    const sent = await (await control('sent')).json();
    expect(sent.data.map((r: { type: string }) => r.type)).toEqual(['text']);
    await control('reset', {});
    expect((await (await control('sent')).json()).data).toEqual([]);
    expect((await control('offline', { mode: 'refuse' })).status).toBe(400);
    expect((await control('nope', {})).status).toBe(404);
  });

  it('goes offline by destroying sockets while control keeps answering', async () => {
    await control('offline', { mode: 'destroy' });
    await expect(tpl('16505551234')).rejects.toThrow();
    await control('offline', { mode: false });
    expect((await tpl('16505551234')).status).toBe(200);
  });

  it('refuses control calls whose Host is not loopback', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/_emulator/sent`, { headers: { host: 'evil.example:80', 'x-emulator-token': emu.controlToken } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
