import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudClient, type CloudClient } from '../../../../main/services/cloud/client';
import { CLOUD_ERROR_TABLE, CloudApiError, CloudInputError, CloudNetworkError } from '../../../../main/services/cloud/errors';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';

const TOKEN = 'EAAG-secret-token-123';
let emu: CloudEmulator;
let client: CloudClient;

function clientWith(token: string, extra: Partial<Parameters<typeof createCloudClient>[0]> = {}): CloudClient {
  return createCloudClient({ baseUrl: emu.url, phoneNumberId: emu.phoneNumberId, wabaId: emu.wabaId, getAccessToken: () => token, timeoutMs: 2000, ...extra });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  emu = await startCloudEmulator({ accessToken: TOKEN, pairIntervalMs: 0, throughputPerSecond: 0, templatesPageSize: 3 });
  client = clientWith(TOKEN);
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

describe('cloud client against the emulator', () => {
  it('sends a template and the emulator records it with the outbox id', async () => {
    const result = await client.sendTemplate({
      to: '+16505551234',
      name: 'order_ready',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'A-17' }] }],
      bizOpaqueCallbackData: 'outbox-42',
    });
    expect(result.messageId).toMatch(/^wamid\.[A-Za-z0-9_-]+$/);
    expect(result.messageId.length).toBeLessThanOrEqual(128);
    expect(result).toMatchObject({ waId: '16505551234', messageStatus: 'accepted' });
    const sent = emu.control.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: result.messageId, to: '16505551234', type: 'template', templateName: 'order_ready', bizOpaqueCallbackData: 'outbox-42' });
  });

  it('sends text and interactive messages inside the window, marks inbound messages read', async () => {
    const { messageId } = await emu.control.simulateInbound({ from: '16505551234', text: 'hi' });
    await client.sendText({ to: '16505551234', body: 'Your order is ready', replyTo: messageId });
    await client.sendInteractive({
      to: '16505551234',
      interactive: { type: 'button', body: { text: 'Keep updates?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } },
    });
    expect(await client.markRead(messageId)).toEqual({ success: true });
    expect(emu.control.sent().map((r) => r.type)).toEqual(['text', 'interactive']);
    expect(emu.control.sent()[0]?.text).toBe('Your order is ready');
  });

  it('refuses recipients that are not E.164 digits before any network call', async () => {
    for (const to of ['6505551234x', '(650) 555-1234', '0612345678', '', '+', '1234']) {
      await expect(client.sendText({ to, body: 'x' })).rejects.toBeInstanceOf(CloudInputError);
    }
    await expect(client.sendTemplate({ to: '16505551234', name: 'Bad Name', language: 'en_US' })).rejects.toMatchObject({ field: 'name' });
    await expect(client.sendText({ to: '16505551234', body: 'x'.repeat(4097) })).rejects.toMatchObject({ field: 'body' });
    expect(emu.control.sent()).toHaveLength(0);
    expect(emu.control.rejections()).toEqual({});
  });

  it('follows paging.next to the end of the template list', async () => {
    const templates = await client.listTemplates({ limit: 2 });
    expect(templates.map((t) => `${t.name}/${t.language}`)).toEqual([
      'order_ready/en_US',
      'order_ready/es',
      'weekly_offer/en_US',
      'hello_world/en_US',
      'pending_promo/en_US',
      'paused_promo/en_US',
      'disabled_promo/en_US',
    ]);
    expect(templates[0]).toMatchObject({ status: 'APPROVED', category: 'UTILITY', parameter_format: 'POSITIONAL' });
  });

  it('never follows a paging.next on another origin (it would receive the token), using the cursor instead', async () => {
    const seen: string[] = [];
    const rewriting = (async (url: string, init: RequestInit) => {
      seen.push(new URL(url).origin);
      const response = await fetch(url, init);
      const json = await response.json();
      if (json.paging?.next) json.paging.next = json.paging.next.replace(emu.url, 'https://evil.example');
      return new Response(JSON.stringify(json), { status: response.status });
    }) as typeof fetch;
    const templates = await clientWith(TOKEN, { fetch: rewriting }).listTemplates({ limit: 3 });
    expect(templates).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set([emu.url]));
  });

  it('reads the phone number and manages QR links', async () => {
    expect(await client.getPhoneNumber()).toMatchObject({ id: emu.phoneNumberId, display_phone_number: '15550783881', quality_rating: 'GREEN' });
    const qr = await client.createQrLink({ prefilledMessage: 'Hi (ref: POSTER-1)' });
    expect(qr.deep_link_url).toBe(`https://wa.me/message/${qr.code}`);
    expect(qr.qr_image_url).toBeDefined();
    const list = await client.listQrLinks();
    expect(list.map((q) => q.code)).toEqual([qr.code]);
  });

  it('turns a wrong token into stop_reconnect and never leaks the token', async () => {
    const wrong = 'EAAG-wrong-token-987';
    const error = await caught(clientWith(wrong).sendText({ to: '16505551234', body: 'x' }));
    expect(error).toBeInstanceOf(CloudApiError);
    expect(error).toMatchObject({ code: 190, httpStatus: 401, action: 'stop_reconnect' });
    const text = `${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(TOKEN);
  });

  it('produces the documented action for every code in the table', async () => {
    for (const [code, info] of Object.entries(CLOUD_ERROR_TABLE)) {
      emu.control.failNext(1, { code: Number(code), details: `injected ${code}` });
      const error = await caught(client.sendTemplate({ to: '16505551234', name: 'hello_world', language: 'en_US' }));
      expect(error, `code ${code}`).toBeInstanceOf(CloudApiError);
      expect(error).toMatchObject({ code: Number(code), action: info.action, retryable: info.retryable, httpStatus: info.httpStatus, details: `injected ${code}` });
      expect((error as CloudApiError).fbtraceId).toBeTruthy();
    }
    expect(emu.control.sent()).toHaveLength(0);
    await client.sendTemplate({ to: '16505551234', name: 'hello_world', language: 'en_US' });
    expect(emu.control.sent()).toHaveLength(1);
  });

  it('keeps the subcode and handles unknown codes by HTTP class', async () => {
    emu.control.failNext(1, { code: 130429, subcode: 2494055, httpStatus: 400 });
    expect(await caught(client.getPhoneNumber())).toMatchObject({ code: 130429, subcode: 2494055, httpStatus: 400, action: 'slow_down' });
    emu.control.failNext(1, { code: 4242, httpStatus: 503 });
    expect(await caught(client.getPhoneNumber())).toMatchObject({ code: 4242, action: 'retry', retryable: true });
  });

  it('reports an offline API as CloudNetworkError with a not_sent outcome', async () => {
    await emu.control.setOffline('refuse');
    // Let the client see its pooled keep-alive connection close, as it would after any real outage.
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const error = await caught(client.sendText({ to: '16505551234', body: 'x' }));
      expect(error).toBeInstanceOf(CloudNetworkError);
      expect(error).toMatchObject({ action: 'retry', reason: 'offline', outcome: 'not_sent' });
    } finally {
      await emu.control.setOffline(false);
    }
    expect(await client.getPhoneNumber()).toMatchObject({ id: emu.phoneNumberId });
  });

  it('reports dropped connections on sends as an unknown outcome', async () => {
    await emu.control.setOffline('destroy');
    try {
      const error = await caught(client.sendTemplate({ to: '16505551234', name: 'hello_world', language: 'en_US' }));
      expect(error).toBeInstanceOf(CloudNetworkError);
      expect(error).toMatchObject({ reason: 'connection_lost', outcome: 'unknown' });
    } finally {
      await emu.control.setOffline(false);
    }
  });

  it('times out as CloudNetworkError', async () => {
    const hanging = clientWith(TOKEN, { timeoutMs: 50, fetch: ((_url: string, init: RequestInit) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch });
    expect(await caught(hanging.getPhoneNumber())).toMatchObject({ name: 'CloudNetworkError', reason: 'timeout' });
  });
});
