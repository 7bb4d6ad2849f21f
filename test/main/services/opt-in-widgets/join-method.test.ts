import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../../main/services/webhook/events';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

let seq = 0;
/** A customer's WhatsApp message as the webhook parser hands it to the inbox. */
function inbound(from: string, text: string, at: number): InboundEvent {
  seq += 1;
  const messageId = `wamid.join-${seq}`;
  return {
    kind: 'inbound', key: `message:${messageId}`, messageId, from, profileName: undefined, timestampMs: at, receivedAt: at, type: 'text', text,
    button: undefined, reply: undefined, referral: undefined, contextMessageId: undefined, raw: {} as InboundEvent['raw'],
  } as InboundEvent;
}

async function shop() {
  const h = await openHarness();
  close = h.close;
  await h.services.profile.save({ businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' });
  return h;
}

describe("a customer's JOIN from the account-page switch", () => {
  it('is recorded as the customer’s own act, reopens after a STOP and is answered every time', async () => {
    const h = await shop();
    const toggle = await h.services.widgets.create({ kind: 'in_app_toggle', name: 'Mi cuenta', purposes: ['marketing'] });
    const t0 = Date.now();
    await h.services.inbox.handle([inbound('34600112233', `JOIN ${toggle.code}M`, t0)]);
    const first = h.services.ledger.findByPhone('+34600112233')!;
    expect(first.derived.marketing).toMatchObject({ state: 'opted_in', method: 'in_app_toggle' });

    await h.services.inbox.handle([inbound('34600112233', 'STOP', t0 + 1000)]);
    expect(h.services.ledger.get(first.id).derived.marketing.state).toBe('opted_out');

    await h.services.inbox.handle([inbound('34600112233', `JOIN ${toggle.code}M`, t0 + 2000)]);
    const after = h.services.ledger.get(first.id);
    // The timeline's "Opted in" is now true: the contact is opted in again, by the customer's own method.
    expect(after.derived.marketing).toMatchObject({ state: 'opted_in', method: 'in_app_toggle' });
    const { events } = await h.services.ledger.history(first.id);
    const marketing = events.filter((e) => e.purpose === 'marketing');
    expect(marketing.map((e) => `${e.type}:${e.method}`)).toEqual(['confirmed:in_app_toggle', 'revoked:whatsapp_keyword', 'confirmed:in_app_toggle']);
    expect(marketing[2]).toMatchObject({ recordedBy: 'system', evidence: { widgetCode: `${toggle.code}M`, keyword: 'JOIN' } });

    // Every JOIN gets an answer (the welcome), the STOP its confirmation.
    const origins = await eventually(
      () => h.services.messaging.outbox.list({ contactId: first.id }).map((i) => i.origin).reverse(),
      (o) => o.length >= 3,
    );
    expect(origins).toEqual(['welcome', 'unsubscribe_ack', 'welcome']);
  });

  it('answers a JOIN whose code it cannot match with the program information instead of silence', async () => {
    const h = await shop();
    await h.services.inbox.handle([inbound('34600445566', 'JOIN ZZZZZM', Date.now())]);
    const record = h.services.ledger.findByPhone('+34600445566')!;
    expect(record.eventCount).toBe(0);
    const items = h.services.messaging.outbox.list({ contactId: record.id });
    expect(items.map((i) => i.origin)).toEqual(['help']);
  });

  it('answers a simulated JOIN that cannot reopen a STOP, instead of leaving the customer without a reply', async () => {
    const h = await shop();
    const toggle = await h.services.widgets.create({ kind: 'in_app_toggle', name: 'Mi cuenta', purposes: ['marketing'] });
    const t0 = Date.now();
    await h.services.inbox.handle([inbound('34600990011', 'STOP', t0)]);
    const record = h.services.ledger.findByPhone('+34600990011')!;
    await h.services.inbox.handle([{ ...inbound('34600990011', `JOIN ${toggle.code}M`, t0 + 1000), sandbox: true }]);
    expect(h.services.ledger.get(record.id).derived.marketing.state).toBe('opted_out');
    const origins = h.services.messaging.outbox.list({ contactId: record.id }).map((i) => i.origin).reverse();
    expect(origins).toEqual(['unsubscribe_ack', 'help']);
  });

  it('a staff toggle is recorded as staff, not as the customer’s switch', async () => {
    const h = await shop();
    const { record } = await h.services.ledger.ensureContact({ phone: '+34600778899', name: 'Ana' });
    const toggled = await h.dispatch('consent:toggle', { contactId: record.id, purpose: 'utility', on: true, staffMember: 'Luis', note: 'asked at the till' }, web);
    expect(toggled).toMatchObject({ ok: true, value: { consent: { utility: { state: 'opted_in', method: 'staff' } } } });
    const [event] = (await h.services.ledger.history(record.id)).events;
    expect(event).toMatchObject({ method: 'staff', recordedBy: 'Luis', evidence: { staffMember: 'Luis' } });
  });
});
