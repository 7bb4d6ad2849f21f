import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../../../../main/services/app-services';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';
import { tempDir } from '../../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
const SANDBOX: ServiceDeps['sandbox'] = { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 200 };
const DAY_MS = 24 * 3600_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Harness = Awaited<ReturnType<typeof openHarness>>;

async function open(dataDir: string, deps: Partial<ServiceDeps> = {}): Promise<Harness> {
  const h = await openHarness({ dataDir, sandbox: SANDBOX, ...deps });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await h.close();
  };
  cleanups.push(close);
  return { ...h, close };
}

async function sandboxShop(): Promise<{ h: Harness; dataDir: string }> {
  const tmp = await tempDir();
  cleanups.push(tmp.cleanup);
  const h = await open(tmp.dir);
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  return { h, dataDir: tmp.dir };
}

async function optIn(h: Harness, phone: string): Promise<string> {
  const version = ((await h.dispatch('consent:statement', { purposes: ['utility'] }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone, name: 'Ana', purposes: ['utility'], staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
    web,
  )) as any;
  expect(r.ok).toBe(true);
  return r.value.contact.id as string;
}

async function thread(h: Harness, contactId: string): Promise<any[]> {
  const result = (await h.dispatch('messages:forContact', { contactId }, web)) as any;
  expect(result.ok).toBe(true);
  return result.value.messages;
}

/** Posts a webhook body to the app's receiver as Meta's retry would: same body, signed with the app secret. */
async function redeliver(h: Harness, body: string): Promise<number> {
  const emulator = h.services.runtime.emulator()!;
  const signature = `sha256=${createHmac('sha256', emulator.appSecret).update(body).digest('hex')}`;
  const response = await fetch(h.services.runtime.webhookUrl()!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
  return response.status;
}

describe('a contact’s conversation', () => {
  it('shows both ways in time order: welcome and notification with their rendered text, then what the customer wrote and tapped', async () => {
    const { h } = await sandboxShop();
    const emulator = h.services.runtime.emulator()!;
    const id = await optIn(h, '600112233');
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    const sent = (await h.dispatch(
      'messages:sendTemplate',
      { contactId: id, name: 'order_ready', language: 'en_US', values: { 'body.1': 'Ana', 'body.2': 'A-17' } },
      web,
    )) as any;
    expect(sent.ok).toBe(true);
    await eventually(
      () => thread(h, id),
      (lines) => lines.find((m) => m.id === sent.value.id)?.state === 'read',
    );

    await emulator.control.simulateInbound({ from: '34600112233', text: '¿Puedo pasar a las 6?' });
    await emulator.control.simulateInbound({ from: '34600112233', button: { payload: 'ORDER_INFO', text: 'Where is my order?' } });
    const lines = await eventually(
      () => thread(h, id),
      (all) => all.filter((m) => m.direction === 'inbound').length === 2,
    );

    expect(lines.map((m) => [m.direction, m.direction === 'inbound' ? m.type : m.origin])).toEqual([
      ['outbound', 'welcome'],
      ['outbound', 'notification'],
      ['inbound', 'text'],
      ['inbound', 'button'],
    ]);
    const times = lines.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(lines[0]).toMatchObject({ templateName: 'optin_welcome', rendered: { body: expect.stringContaining('Welcome to Panadería Lucía on WhatsApp!') } });
    expect(lines[1]).toMatchObject({
      id: sent.value.id,
      templateName: 'order_ready',
      state: 'read',
      rendered: { header: 'Order ready', body: 'Hi Ana, order A-17 is ready.', footer: 'Reply STOP to opt out' },
    });
    expect(lines[2]).toMatchObject({ contactId: id, text: '¿Puedo pasar a las 6?' });
    expect(lines[3]).toMatchObject({ contactId: id, text: 'Where is my order?' });
    expect(lines[2].id).toMatch(/^wamid\./);
  });

  it('keeps a customer message once when Meta delivers it again, and still has it after the data folder is reopened', async () => {
    const { h, dataDir } = await sandboxShop();
    const emulator = h.services.runtime.emulator()!;
    const id = await optIn(h, '600445566');
    const { messageId } = await emulator.control.simulateInbound({ from: '34600445566', text: 'Hola' });
    await eventually(
      () => thread(h, id),
      (lines) => lines.some((m) => m.id === messageId),
    );
    const delivery = emulator.control.webhooks().find((w) => w.kind === 'inbound' && w.body.includes(messageId))!;
    expect(await redeliver(h, delivery.body)).toBe(200);
    expect((await thread(h, id)).filter((m) => m.id === messageId)).toHaveLength(1);
    await h.close();

    // Nine days on the webhook-seen keys have expired, so only the conversation's own dedupe stands in the way.
    const later = await open(dataDir, { now: () => new Date(Date.now() + 9 * DAY_MS) });
    expect(await redeliver(later, delivery.body)).toBe(200);
    const lines = await thread(later, id);
    expect(lines.filter((m) => m.direction === 'inbound')).toEqual([
      { direction: 'inbound', id: messageId, contactId: id, type: 'text', text: 'Hola', createdAt: expect.any(Number) },
    ]);
    expect(lines.filter((m) => m.direction === 'outbound').map((m) => m.origin)).toEqual(['welcome']);
  });

  it('labels a message without text by its type, keeps a caption or reaction emoji, and keeps conversations of different customers apart', async () => {
    const { h } = await sandboxShop();
    const ana = await optIn(h, '600778899');
    const luis = await optIn(h, '600778800');
    const event = {
      kind: 'inbound' as const,
      key: 'in:wamid.IMG1',
      wabaId: 'w',
      phoneNumberId: 'p',
      displayPhoneNumber: undefined,
      receivedAt: Date.now(),
      messageId: 'wamid.IMG1',
      from: '34600778899',
      profileName: 'Ana',
      timestampMs: Date.now(),
      type: 'image',
      text: undefined,
      button: undefined,
      reply: undefined,
      referral: undefined,
      contextMessageId: undefined,
      raw: { from: '34600778899', id: 'wamid.IMG1', timestamp: '0', type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg' } },
    };
    await h.services.inbox.handle([
      event,
      { ...event, key: 'in:wamid.IMG2', messageId: 'wamid.IMG2', timestampMs: event.timestampMs + 1000, raw: { ...event.raw, image: { id: 'media-2', caption: 'This one' } } },
      { ...event, key: 'in:wamid.R1', messageId: 'wamid.R1', timestampMs: event.timestampMs + 2000, type: 'reaction', raw: { ...event.raw, type: 'reaction', reaction: { message_id: 'wamid.IMG2', emoji: '👍' } } },
    ]);
    const inbound = (await thread(h, ana)).filter((m) => m.direction === 'inbound');
    expect(inbound.map((m) => [m.type, m.text])).toEqual([
      ['image', '[image]'],
      ['image', 'This one'],
      ['reaction', '👍'],
    ]);
    expect((await thread(h, luis)).filter((m) => m.direction === 'inbound')).toEqual([]);
  });
});
