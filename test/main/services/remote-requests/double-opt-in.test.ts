import { afterEach, describe, expect, it } from 'vitest';
import { startTwilioFake, type TwilioFake } from '../../../../tools/twilio-fake/server';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const DAY = 24 * 3600_000;
const OUR_NUMBER = '+15005550006';
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});


/** A sandbox shop whose clock can be moved forward, with Twilio pointed at the loopback fake. */
async function shop(): Promise<{ h: Awaited<ReturnType<typeof openHarness>>; fake: TwilioFake; advance: (ms: number) => void }> {
  let offset = 0;
  const h = await openHarness({ now: () => new Date(Date.now() + offset), sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  const fake = await startTwilioFake();
  cleanup.push(h.close, fake.close);
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, { transport: 'web-bridge' });
  await h.services.remoteSettings.save({
    ...h.services.remoteSettings.get(),
    twilio: { accountSid: fake.accountSid, fromNumber: OUR_NUMBER, baseUrl: fake.baseUrl },
    twilioAuthToken: fake.authToken,
  });
  return { h, fake, advance: (ms) => (offset += ms) };
}

const ask = (h: Awaited<ReturnType<typeof openHarness>>, phone: string, purposes: ('marketing' | 'utility')[] = ['marketing']) =>
  h.services.remoteRequests.send({ channel: 'sms', phone, purposes, via: 'provider', staffMember: 'Marta' });

describe('SMS double opt-in against the Twilio fake', () => {
  it('sends the exact request text, a polled YES confirms it, and the welcome goes out on WhatsApp', async () => {
    const { h, fake } = await shop();
    const preview = await h.services.remoteRequests.preview({ channel: 'sms', phone: '600112233', purposes: ['marketing'] });
    expect(preview.text).toBe('Panadería Lucía: get order updates and offers on WhatsApp at +34 600 11 22 33, a few times a month. Reply YES to confirm, STOP to opt out.');
    const { request, contact } = await ask(h, '600112233');
    expect(fake.sent()).toHaveLength(1);
    expect(fake.sent()[0]).toMatchObject({ to: '+34600112233', from: OUR_NUMBER, body: preview.text });
    expect(request.providerMessageId).toBe(fake.sent()[0]!.sid);
    expect(contact.derived.marketing.state).toBe('pending');
    const requested = (await h.services.ledger.history(contact.id)).events[0]!;
    expect(requested).toMatchObject({ type: 'requested', method: 'sms_double_opt_in', textShown: preview.text, textVersion: 1 });
    expect(requested.evidence.note).toContain(request.providerMessageId);
    expect(h.services.remoteRequests.pending().map((p) => p.id)).toEqual([request.id]);

    const sid = fake.addInbound({ from: '+34600112233', to: OUR_NUMBER, body: 'Yes!' });
    expect(await h.services.remoteRequests.poll()).toEqual({ handled: 1 });
    expect(await h.services.remoteRequests.poll()).toEqual({ handled: 0 });
    const record = h.services.ledger.get(contact.id);
    expect(record.derived.marketing.state).toBe('opted_in');
    const events = await eventually(
      async () => (await h.services.ledger.history(contact.id)).events,
      (list) => list.some((e) => e.type === 'welcomed'),
    );
    expect(events.map((e) => e.type)).toEqual(['requested', 'confirmed', 'welcomed']);
    expect(events[1]).toMatchObject({
      method: 'sms_double_opt_in',
      textShown: preview.text,
      evidence: { inboundMessageId: sid, inboundBody: 'Yes!' },
    });
    const emulator = h.services.runtime.emulator()!;
    expect(emulator.control.sent().filter((m) => m.templateName === 'optin_welcome' && m.to === '34600112233')).toHaveLength(1);
    expect(h.services.remoteRequests.pending()).toEqual([]);
  });

  it('a request left 8 days expires with an expired event; a 6-day-old one is still pending with its age', async () => {
    const { h, advance } = await shop();
    const old = await ask(h, '600445566');
    advance(2 * DAY);
    const newer = await ask(h, '600778899', ['utility']);
    advance(6 * DAY);
    const pending = h.services.remoteRequests.pending();
    expect(pending.map((p) => [p.id, Math.round(p.ageMs / DAY)])).toEqual([[old.request.id, 8], [newer.request.id, 6]]);
    expect(await h.services.remoteRequests.expireDue()).toBe(1);
    const { events } = await h.services.ledger.history(old.contact.id);
    expect(events.map((e) => e.type)).toEqual(['requested', 'expired']);
    expect(Date.parse(events[1]!.occurredAt) - Date.parse(events[0]!.occurredAt)).toBe(7 * DAY);
    expect(h.services.ledger.get(old.contact.id).derived.marketing.state).toBe('none');
    expect(h.services.remoteRequests.pending().map((p) => p.id)).toEqual([newer.request.id]);
    // A YES after expiry confirms nothing.
    await expect(h.services.remoteRequests.markYes({ requestId: old.request.id, staffMember: 'Marta' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('STOP by SMS during a pending request revokes and closes it; staff can log a YES on another', async () => {
    const { h, fake } = await shop();
    const a = await ask(h, '600112233', ['marketing', 'utility']);
    const b = await ask(h, '600445566');
    fake.addInbound({ from: '+34600112233', to: OUR_NUMBER, body: 'stop' });
    await h.services.remoteRequests.poll();
    const stopped = h.services.ledger.get(a.contact.id);
    expect([stopped.derived.marketing.state, stopped.derived.utility.state]).toEqual(['opted_out', 'opted_out']);
    expect((await h.services.ledger.history(a.contact.id)).events.at(-1)).toMatchObject({ type: 'revoked', method: 'sms_keyword' });
    await expect(ask(h, '600112233')).rejects.toMatchObject({ code: 'consent_revoked' });
    expect(h.services.remoteRequests.pending().map((p) => p.id)).toEqual([b.request.id]);

    const confirmed = await h.services.remoteRequests.markYes({ requestId: b.request.id, staffMember: 'Marta', note: 'texted back' });
    expect(confirmed.derived.marketing.state).toBe('opted_in');
    expect((await h.services.ledger.history(b.contact.id)).events[1]).toMatchObject({
      type: 'confirmed', method: 'sms_double_opt_in', evidence: { inboundBody: 'YES', staffMember: 'Marta' },
    });
    expect(h.services.remoteRequests.pending()).toEqual([]);
  });

  it('STOP on WhatsApp during a pending SMS request closes it too; HELP by SMS gets the program text', async () => {
    const { h, fake } = await shop();
    const a = await ask(h, '600112233');
    await h.services.runtime.emulator()!.control.simulateInbound({ from: '34600112233', text: 'STOP' });
    await eventually(() => h.services.remoteRequests.pending().length, (n) => n === 0);
    expect(h.services.ledger.get(a.contact.id).derived.marketing.state).toBe('opted_out');

    fake.addInbound({ from: '+34699000111', to: OUR_NUMBER, body: 'HELP' });
    await h.services.remoteRequests.poll();
    expect(fake.sent().at(-1)).toMatchObject({
      to: '+34699000111',
      body: 'Panadería Lucía: order updates and offers on WhatsApp, a few times a month. Reply STOP to stop, START to join again.',
    });
  });

  it('reports a refused Twilio request clearly and records nothing', async () => {
    const { h, fake } = await shop();
    fake.failNext(1, 400, 21610);
    await expect(ask(h, '600112233')).rejects.toMatchObject({ code: 'sms_failed', message: expect.stringContaining('21610') });
    expect(h.services.ledger.findByPhone('+34600112233')?.eventCount ?? 0).toBe(0);
    expect(h.services.remoteRequests.pending()).toEqual([]);
  });
});
