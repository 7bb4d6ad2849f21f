import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());


async function sandboxShop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 200 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  expect(h.services.runtime.emulator()).not.toBeNull();
  return h;
}

async function optIn(h: Awaited<ReturnType<typeof sandboxShop>>, phone: string, purposes: string[]) {
  const version = ((await h.dispatch('consent:statement', { purposes }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone, name: 'Ana', purposes, staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
    web,
  )) as any;
  expect(r.ok).toBe(true);
  return r.value.contact.id as string;
}

describe('sandbox: the real client, outbox, emulator and webhook receiver together', () => {
  it('welcomes an opt-in, delivers a notification, and a STOP revokes consent so the next send is refused', async () => {
    const h = await sandboxShop();
    const emulator = h.services.runtime.emulator()!;
    const id = await optIn(h, '600112233', ['utility']);

    const welcomed = await eventually(
      async () => ((await h.dispatch('contacts:get', { id }, web)) as any).value.events as any[],
      (events) => events.some((e) => e.type === 'welcomed'),
    );
    expect(welcomed.map((e) => e.type)).toEqual(['confirmed', 'welcomed']);
    expect(emulator.control.sent().filter((m) => m.templateName === 'optin_welcome')).toHaveLength(1);

    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    const sent = (await h.dispatch(
      'messages:sendTemplate',
      { contactId: id, name: 'order_ready', language: 'en_US', values: { 'body.1': 'Ana', 'body.2': 'A-17' } },
      web,
    )) as any;
    expect(sent.ok).toBe(true);
    const delivered = await eventually(
      async () => ((await h.dispatch('messages:forContact', { contactId: id }, web)) as any).value.messages as any[],
      (messages) => messages.find((m) => m.id === sent.value.id)?.state === 'read',
    );
    expect(delivered.find((m) => m.id === sent.value.id).state).toBe('read');

    await emulator.control.simulateInbound({ from: '34600112233', text: 'STOP' });
    const stopped = await eventually(
      async () => ((await h.dispatch('contacts:get', { id }, web)) as any).value.contact,
      (contact) => contact.consent.utility.state === 'opted_out',
    );
    expect(stopped.consent.utility.state).toBe('opted_out');
    expect(stopped.consent.marketing.state).toBe('opted_out');
    // One "you're unsubscribed" reply, inside the window the STOP opened.
    await eventually(async () => emulator.control.sent().filter((m) => m.type === 'text').length, (n) => n === 1);

    const refused = (await h.dispatch(
      'messages:sendTemplate',
      { contactId: id, name: 'order_ready', language: 'en_US', values: { 'body.1': 'Ana', 'body.2': 'A-18' } },
      web,
    )) as any;
    const skipped = await eventually(
      async () => ((await h.dispatch('messages:forContact', { contactId: id }, web)) as any).value.messages as any[],
      (messages) => messages.find((m) => m.id === refused.value.id)?.state === 'skipped',
    );
    expect(skipped.find((m) => m.id === refused.value.id).error.message).toBe('opted_out');
    expect(emulator.control.sent().filter((m) => m.bizOpaqueCallbackData === refused.value.id)).toHaveLength(0);
  });

  it('credits an inbound chat to the entry point whose ref it carries, and opens the 24 h window', async () => {
    const h = await sandboxShop();
    const ep = (await h.dispatch('entryPoints:create', { kind: 'qr', name: 'Window poster', prefilledMessage: 'Hola' }, web)) as any;
    const ref = ep.value.refCode as string;
    await h.services.runtime.emulator()!.control.simulateInbound({ from: '34600998877', text: `Hola (ref ${ref})`, name: 'Luis' });
    const stats = await eventually(
      async () => ((await h.dispatch('entryPoints:stats', {}, web)) as any).value as any[],
      (rows) => rows[0]?.days.length === 1,
    );
    expect(stats[0].days[0].chats).toBe(1);
    const found = ((await h.dispatch('contacts:search', { text: '600998877' }, web)) as any).value.items;
    expect(found[0]).toMatchObject({ name: 'Luis' });
    const thread = ((await h.dispatch('messages:forContact', { contactId: found[0].id }, web)) as any).value;
    expect(thread.windowOpenUntil).not.toBeNull();
    expect((await h.dispatch('messages:reply', { contactId: found[0].id, text: 'Hola Luis, ¿en qué te ayudamos?' }, web)).ok).toBe(true);
  });

  it('refuses a free-form reply when the window is closed', async () => {
    const h = await sandboxShop();
    const id = await optIn(h, '600445566', ['marketing']);
    expect(await h.dispatch('messages:reply', { contactId: id, text: 'hi' }, web)).toMatchObject({ ok: false, error: { code: 'window_closed' } });
  });
});

describe('switching between sandbox and live', () => {
  it('never sends a message queued in the sandbox to a real customer after switching to live', async () => {
    const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
    close = h.close;
    await h.dispatch('profile:save', { businessName: 'Shop', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
    await h.services.messaging.outbox.pause();
    const id = await optIn(h as any, '600112233', ['utility']);
    const queued = await eventually(
      async () => h.services.messaging.outbox.list({ contactId: id }),
      (items) => items.length === 1,
    );
    expect(queued[0]!.state).toBe('queued');
    const saved = await h.dispatch(
      'connection:save',
      { phoneNumberId: '1234567890', wabaId: '9876543210', accessToken: 'EAAG-test', webhookPort: 0 + 18787 },
      web,
    );
    expect(saved).toMatchObject({ ok: true, value: { mode: 'live', accessTokenSet: true } });
    expect(JSON.stringify(saved)).not.toContain('EAAG-test');
    const after = h.services.messaging.outbox.get(queued[0]!.id)!;
    expect(after.state).toBe('skipped');
    expect(after.error?.message).toMatch(/sandbox/);
  });
});
