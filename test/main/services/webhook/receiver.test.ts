import { afterEach, describe, expect, it } from 'vitest';
import { signPayload } from '../../../../main/services/cloud/signature';
import { createWebhookReceiver, type WebhookBatch, type WebhookReceiver, type WebhookReceiverOptions } from '../../../../main/services/webhook/receiver';
import type { StatusEvent } from '../../../../main/services/webhook/events';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';

const SECRET = 'app-secret';
let receiver: WebhookReceiver | undefined;
let emu: CloudEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  await receiver?.close();
  emu = undefined;
  receiver = undefined;
});

async function start(extra: Partial<WebhookReceiverOptions> = {}) {
  const batches: WebhookBatch[] = [];
  receiver = createWebhookReceiver({ verifyToken: 'verify-me', getAppSecret: () => SECRET, onPayload: (b) => void batches.push(b), clock: () => 7, ...extra });
  const { url } = await receiver.start();
  return { url, batches };
}

const statusBody = (id: string, status: string) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: 'W', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: 'P' }, statuses: [{ id, status, timestamp: '1', recipient_id: '1650', biz_opaque_callback_data: 'ob-1' }] } }] }],
  });
const postTo = (url: string, body: string, signature?: string | null) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature ?? signPayload(body, SECRET) }) }, body });

describe('webhook receiver', () => {
  it('answers the verification handshake only for the right token', async () => {
    const { url } = await start();
    const ok = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    for (const query of ['hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1', 'hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1', 'hub.mode=subscribe&hub.challenge=1', 'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%3Cscript%3E']) {
      expect((await fetch(`${url}?${query}`)).status).toBe(403);
    }
    expect((await fetch(url.replace('/webhook', '/other'))).status).toBe(404);
  });

  it('refuses missing and forged signatures with 403 and no side effect', async () => {
    const { url, batches } = await start();
    const body = statusBody('wamid.1', 'sent');
    expect((await postTo(url, body, null)).status).toBe(403);
    expect((await postTo(url, body, signPayload(body, 'other-secret'))).status).toBe(403);
    expect((await postTo(url, body.replace('sent', 'read'), signPayload(body, SECRET))).status).toBe(403);
    expect(batches).toEqual([]);
    expect(receiver!.stats()).toMatchObject({ rejected: 3, accepted: 0, events: 0 });
    // The forged attempts must not have poisoned dedupe: the genuine one still gets through.
    expect((await postTo(url, body)).status).toBe(200);
    expect(batches).toHaveLength(1);
  });

  it('parses a valid payload into typed events and reports replays once', async () => {
    const { url, batches } = await start();
    const body = statusBody('wamid.2', 'delivered');
    for (let i = 0; i < 3; i++) expect((await postTo(url, body)).status).toBe(200);
    await Promise.all([postTo(url, body), postTo(url, body)]);
    expect(batches).toHaveLength(1);
    const event = batches[0]!.events[0] as StatusEvent;
    expect(event).toMatchObject({ kind: 'status', messageId: 'wamid.2', status: 'delivered', bizOpaqueCallbackData: 'ob-1', receivedAt: 7 });
    expect(receiver!.stats()).toMatchObject({ accepted: 5, events: 1, duplicates: 4 });
    expect((await postTo(url, statusBody('wamid.2', 'read'))).status).toBe(200);
    expect(batches).toHaveLength(2);
  });

  it('asks the persistent isDuplicate hook for keys it has not seen', async () => {
    const stored = new Set(['st:wamid.3:sent']);
    const { url, batches } = await start({ isDuplicate: (key) => stored.has(key) });
    await postTo(url, statusBody('wamid.3', 'sent'));
    await postTo(url, statusBody('wamid.3', 'delivered'));
    expect(batches.flatMap((b) => b.events.map((e) => e.key))).toEqual(['st:wamid.3:delivered']);
  });

  it('answers 500 when the handler fails so that Meta retries, and handles the retry', async () => {
    let failures = 1;
    const handled: string[] = [];
    const { url } = await start({
      onPayload: async (b) => {
        if (failures-- > 0) throw new Error('disk full');
        handled.push(...b.events.map((e) => e.key));
      },
    });
    const body = statusBody('wamid.4', 'sent');
    expect((await postTo(url, body)).status).toBe(500);
    expect((await postTo(url, body)).status).toBe(200);
    expect((await postTo(url, body)).status).toBe(200);
    expect(handled).toEqual(['st:wamid.4:sent']);
  });

  it('limits the body size, refuses bad JSON and non-POST methods', async () => {
    const { url, batches } = await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ pad: 'x'.repeat(2000) });
    expect((await postTo(url, big)).status).toBe(413);
    expect((await postTo(url, '{not json')).status).toBe(400);
    expect((await fetch(url, { method: 'PUT' })).status).toBe(405);
    expect(batches).toEqual([]);
  });

  it('answers 503 while no app secret is configured', async () => {
    const { url } = await start({ getAppSecret: () => undefined });
    expect((await postTo(url, statusBody('wamid.5', 'sent'))).status).toBe(503);
  });

  it('receives the emulator\'s signed status and inbound webhooks end to end, deduping chaos', async () => {
    const { url, batches } = await start();
    emu = await startCloudEmulator({
      appSecret: SECRET,
      webhookUrl: url,
      pairIntervalMs: 0,
      statusDelays: { sent: 1, delivered: 2, read: 3 },
      chaos: { duplicateRate: 1, reorderRate: 0 },
    });
    const response = await fetch(`${emu.url}/v23.0/${emu.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.accessToken}` },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } }, biz_opaque_callback_data: 'outbox-9' }),
    });
    const id = (await response.json()).messages[0].id;
    await emu.control.simulateInbound({ from: '16505551234', button: { payload: 'STOP', text: 'Stop updates' } });
    await emu.control.idle();
    expect(emu.control.webhooks().every((d) => d.httpStatus === 200)).toBe(true);
    expect(emu.control.webhooks()).toHaveLength(7);
    const events = batches.flatMap((b) => b.events);
    const statuses = events.filter((e): e is StatusEvent => e.kind === 'status');
    expect(statuses.map((s) => s.status).sort()).toEqual(['delivered', 'read', 'sent']);
    expect(statuses.every((s) => s.messageId === id && s.bizOpaqueCallbackData === 'outbox-9')).toBe(true);
    expect(events.filter((e) => e.kind === 'inbound')).toEqual([expect.objectContaining({ from: '16505551234', button: { payload: 'STOP', text: 'Stop updates' } })]);
    expect(receiver!.stats()).toMatchObject({ rejected: 0, duplicates: 3 });
  });
});
