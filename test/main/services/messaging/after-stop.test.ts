/**
 * Issue 12 item 2: a STOP opens the 24 h window, but after it only the one "you're unsubscribed" reply may go out;
 * free-form replies open again only when the customer writes again (a message that is not itself STOP).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';
import { until } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function shopWithCustomer() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  const emulator = h.services.runtime.emulator()!;
  emulator.control.configure({ pairIntervalMs: 0 });
  const purposes = ['marketing', 'utility'];
  const version = ((await h.dispatch('consent:statement', { purposes }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone: '600112233', name: 'Ana', purposes, staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
    web,
  )) as any;
  expect(r.ok).toBe(true);
  return { h, emulator, id: r.value.contact.id as string };
}

type Shop = Awaited<ReturnType<typeof shopWithCustomer>>;

const texts = (shop: Shop) => shop.emulator.control.sent().filter((m) => m.type === 'text');

async function customerSays(shop: Shop, text: string, check: (contact: any) => boolean) {
  await shop.emulator.control.simulateInbound({ from: '34600112233', text });
  await until(async () => ((await shop.h.dispatch('contacts:get', { id: shop.id }, web)) as any).value.contact, check);
}

describe('free-form texts after a STOP', () => {
  it('sends only the unsubscribe reply after STOP, refuses staff texts (before and at send time) until the customer writes again', async () => {
    const shop = await shopWithCustomer();
    const { h, id } = shop;
    await customerSays(shop, 'STOP', (c) => c.consent.marketing.state === 'opted_out' && c.consent.utility.state === 'opted_out');
    await until(async () => texts(shop).length, (n) => n === 1);
    expect(texts(shop)[0]!.text).toMatch(/baja/);

    // The form knows before Send: no window for free-form texts, and why.
    const thread = ((await h.dispatch('messages:forContact', { contactId: id }, web)) as any).value;
    expect(thread.windowOpenUntil).toBeNull();
    const check = (await h.dispatch('messages:check', { contactId: id, kind: 'text' }, web)) as any;
    expect(check).toMatchObject({ ok: true, value: { ok: false, reason: 'opted_out' } });
    expect(Date.parse(check.value.since)).not.toBeNaN();
    expect(await h.dispatch('messages:reply', { contactId: id, text: '20% off all cakes today!' }, web)).toMatchObject({ ok: false, error: { code: 'opted_out' } });

    // Queued some other way, the gate refuses it at send time too.
    const queued = await h.services.messaging.sendText(id, 'Fresh bread at 5!');
    await h.services.messaging.outbox.settled();
    expect(h.services.messaging.outbox.get(queued.id)).toMatchObject({ state: 'skipped', error: { action: 'consent_refused', message: 'opted_out' } });
    expect(texts(shop)).toHaveLength(1);

    // The customer writes again: free-form replies are open again (consent stays opted out). WhatsApp stamps messages
    // in whole seconds, and a message stamped in the same second as the STOP does not count as after it (the policy
    // errs towards refusing), so the customer's next message comes a second later, as any real one would.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await customerSays(shop, '¿Tenéis pan sin gluten?', (c) => c.lastInboundAt !== null && c.consent.utility.state === 'opted_out');
    await until(async () => ((await h.dispatch('messages:forContact', { contactId: id }, web)) as any).value.windowOpenUntil, (w) => w !== null);
    expect(await h.dispatch('messages:check', { contactId: id, kind: 'text' }, web)).toMatchObject({ ok: true, value: { ok: true } });
    expect((await h.dispatch('messages:reply', { contactId: id, text: 'Sí, los martes.' }, web)).ok).toBe(true);
    await until(async () => texts(shop).length, (n) => n === 2);

    // Another STOP closes them again, and a repeated STOP gets no second confirmation.
    await customerSays(shop, 'STOP', () => true);
    await until(async () => ((await h.dispatch('messages:forContact', { contactId: id }, web)) as any).value.windowOpenUntil, (w) => w === null);
    expect(await h.dispatch('messages:reply', { contactId: id, text: 'Last chance!' }, web)).toMatchObject({ ok: false, error: { code: 'opted_out' } });
    await h.services.messaging.outbox.settled();
    expect(texts(shop)).toHaveLength(2);
  });

  it('answers a template check with the policy reason and the date', async () => {
    const shop = await shopWithCustomer();
    const { h, id } = shop;
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    expect(await h.dispatch('messages:check', { contactId: id, kind: 'template', name: 'order_ready', language: 'en_US' }, web)).toMatchObject({ ok: true, value: { ok: true } });
    await customerSays(shop, 'STOP', (c) => c.consent.utility.state === 'opted_out');
    const refused = (await h.dispatch('messages:check', { contactId: id, kind: 'template', name: 'order_ready', language: 'en_US' }, web)) as any;
    expect(refused).toMatchObject({ ok: true, value: { ok: false, reason: 'opted_out' } });
    expect(refused.value.since).toBe(((await h.dispatch('contacts:get', { id }, web)) as any).value.contact.consent.utility.since);
    expect(await h.dispatch('messages:check', { contactId: id, kind: 'template', name: 'no_such_template', language: 'en_US' }, web)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
