import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../../main/services/webhook/events';
import { optedInSeeds, seedContacts, WEEKLY_MAPPING, type SeedContact } from '../../../fixtures/campaign-contacts';
import { openHarness } from '../../../support/app-harness';
import { until } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
  const emulator = h.services.runtime.emulator()!;
  emulator.control.configure({ pairIntervalMs: 0 });
  expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
  const events: { event: string; payload: any }[] = [];
  h.services.bus.listen((event, payload) => events.push({ event, payload }));
  const campaigns = h.services.campaigns;
  const sentFor = (template: string, tag?: string) =>
    emulator.control.sent().filter((m) => m.templateName === template && (tag === undefined || m.to.startsWith(tag)));
  const marketing = async (name: string, tag: string) => {
    const c = await campaigns.create({ name, template: { name: 'weekly_offer', language: 'en_US' }, audience: { purpose: 'marketing', tags: [tag], filters: {} }, mapping: WEEKLY_MAPPING });
    return campaigns.start(c.id);
  };
  const utility = async (name: string, tag: string) => {
    const c = await campaigns.create({
      name,
      template: { name: 'order_ready', language: 'en_US' },
      audience: { purpose: 'utility', tags: [tag], filters: {} },
      mapping: { 'body.1': { kind: 'field', field: 'name', fallback: 'there' }, 'body.2': { kind: 'text', text: 'A-17' } },
    });
    return campaigns.start(c.id);
  };
  return { h, emulator, campaigns, events, sentFor, marketing, utility };
}

/** `count` contacts opted in to utility messages only, numbers from `start` (distinct from optedInSeeds' range). */
const utilitySeeds = (count: number, tag: string, start = 0): SeedContact[] =>
  Array.from({ length: count }, (_, i) => ({ phone: `+34${String(620_000_000 + start + i)}`, name: `Order ${i}`, tags: [tag], utility: 'in' as const }));

describe('number quality reports', () => {
  it('FLAGGED pauses the running marketing campaign with its reason, utility updates keep going, and only the owner resumes', async () => {
    const { h, emulator, campaigns, events, sentFor, marketing, utility } = await shop();
    await seedContacts(h.services.ledger, [...optedInSeeds(200, 'vip'), ...utilitySeeds(30, 'orders')]);
    const offer = await marketing('Weekend offer', 'vip');
    await until(() => sentFor('weekly_offer').length, (n) => n >= 10);
    const orders = await utility('Orders ready', 'orders');

    await emulator.control.simulateQualityUpdate({ event: 'FLAGGED' });
    const paused = campaigns.get(offer.id);
    expect(paused).toMatchObject({ status: 'paused', pauseCause: { kind: 'quality_flagged' } });
    expect(paused.pauseReason).toMatch(/flagged the quality of your number as low: marketing campaigns are paused/);
    expect(paused.counts.waiting).toBeGreaterThan(0);
    const viaContract = ((await h.dispatch('campaigns:get', { id: offer.id }, web)) as any).value;
    expect(viaContract).toMatchObject({ status: 'paused', pauseCause: { kind: 'quality_flagged' } });
    await until(() => events, (list) => list.some((e) => e.event === 'campaign:progress' && e.payload.id === offer.id && e.payload.status === 'paused'));
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: true, event: 'FLAGGED', limit: 'TIER_250' });
    // The Connection page shows it, and reloads on the alert.
    expect(((await h.dispatch('connection:get', {}, web)) as any).value.numberHealth).toMatchObject({ flagged: true, limit: '250', event: 'FLAGGED' });
    expect(events.some((e) => e.event === 'outbox:alert' && e.payload.kind === 'number_quality')).toBe(true);

    // The utility campaign is not held: every order update goes out.
    await until(() => campaigns.get(orders.id), (c) => c.status === 'completed');
    expect(sentFor('order_ready')).toHaveLength(30);
    await pause(150);
    const atPause = sentFor('weekly_offer').length;
    expect(atPause).toBeLessThan(200);

    // Quality recovered: recorded, but nothing resumes by itself.
    await emulator.control.simulateQualityUpdate({ event: 'UNFLAGGED' });
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: false, event: 'UNFLAGGED' });
    await pause(200);
    expect(campaigns.get(offer.id).status).toBe('paused');
    expect(sentFor('weekly_offer')).toHaveLength(atPause);

    expect((await campaigns.resume(offer.id)).status).toBe('sending');
    expect(campaigns.get(offer.id).pauseCause).toBeUndefined();
    await until(() => campaigns.get(offer.id), (c) => c.status === 'completed');
    const all = sentFor('weekly_offer');
    expect(all).toHaveLength(200);
    expect(new Set(all.map((m) => m.to)).size).toBe(200);
  }, 40_000);

  it('DOWNGRADE pauses marketing with the new limit, and the dry run budgets Meta’s figure', async () => {
    const { h, emulator, campaigns, sentFor, marketing } = await shop();
    await campaigns.setLimit('10000');
    await seedContacts(h.services.ledger, optedInSeeds(200, 'vip'));
    const offer = await marketing('Weekend offer', 'vip');
    await until(() => sentFor('weekly_offer').length, (n) => n >= 5);
    await emulator.control.simulateQualityUpdate({ event: 'DOWNGRADE', currentLimit: 'TIER_2K' });
    expect(campaigns.get(offer.id)).toMatchObject({ status: 'paused', pauseCause: { kind: 'limit_lowered', limit: '2000' } });
    expect(campaigns.get(offer.id).pauseReason).toMatch(/lowered the messaging limit of your number to 2000 customers a day/);
    expect(campaigns.limit().tier).toBe('2000');
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: false, event: 'DOWNGRADE', limit: 'TIER_2K' });
    await emulator.control.simulateQualityUpdate({ event: 'UPGRADE', currentLimit: 'TIER_10K' });
    expect(campaigns.limit().tier).toBe('10000');
    expect(campaigns.get(offer.id).status).toBe('paused');
  }, 30_000);

  it('a retried or replayed report is harmless, and an older one arriving late changes nothing', async () => {
    const { h, emulator, campaigns, sentFor, marketing } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(150, 'vip'));
    const offer = await marketing('Weekend offer', 'vip');
    await until(() => sentFor('weekly_offer').length, (n) => n >= 5);
    await emulator.control.simulateQualityUpdate({ event: 'FLAGGED' });
    expect(campaigns.get(offer.id).status).toBe('paused');
    await campaigns.resume(offer.id);
    const flaggedPost = emulator.control.webhooks().find((d) => d.kind === 'account')!;

    // Meta retries the same POST: the receiver answers 200 and the owner's resume stands.
    const retry = await fetch(h.services.runtime.webhookUrl()!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': flaggedPost.signature }, body: flaggedPost.body });
    expect(retry.status).toBe(200);
    // After a restart only the stored keys know it: the service itself skips what it handled.
    await h.services.account.handle(parseWebhookPayload(JSON.parse(flaggedPost.body), Date.now()).events);
    expect(campaigns.get(offer.id).status).not.toBe('paused');

    // A FLAGGED triggered before the UNFLAGGED that already arrived is out of date.
    await emulator.control.simulateQualityUpdate({ event: 'UNFLAGGED' });
    const late = JSON.parse(flaggedPost.body);
    late.entry[0].time -= 60;
    await h.services.account.handle(parseWebhookPayload(late, Date.now()).events);
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: false });
    await until(() => campaigns.get(offer.id), (c) => c.status === 'completed');
    expect(sentFor('weekly_offer')).toHaveLength(150);
  }, 30_000);
});

describe('template status reports', () => {
  it('PAUSED pauses the campaigns using the template, the templates list shows it, and APPROVED resumes nothing', async () => {
    const { h, emulator, campaigns, events, sentFor, marketing, utility } = await shop();
    await seedContacts(h.services.ledger, [...optedInSeeds(200, 'vip'), ...utilitySeeds(20, 'orders')]);
    const offer = await marketing('Weekend offer', 'vip');
    const orders = await utility('Orders ready', 'orders');
    await until(() => sentFor('weekly_offer').length, (n) => n >= 10);

    await emulator.control.setTemplateStatus('weekly_offer', 'en_US', 'PAUSED');
    expect(campaigns.get(offer.id)).toMatchObject({ status: 'paused', pauseCause: { kind: 'template_paused', template: 'weekly_offer' } });
    expect(campaigns.get(offer.id).pauseReason).toMatch(/paused the template weekly_offer because of low quality/);
    const listed = ((await h.dispatch('templates:list', {}, web)) as any).value.templates;
    expect(listed.find((t: any) => t.name === 'weekly_offer' && t.language === 'en_US').status).toBe('PAUSED');
    expect(events.some((e) => e.event === 'data:changed' && e.payload.domain === 'templates')).toBe(true);
    const again = (await h.dispatch('campaigns:create', { name: 'Another', template: { name: 'weekly_offer', language: 'en_US' }, audience: { purpose: 'marketing', tags: ['vip'], filters: {} }, mapping: WEEKLY_MAPPING }, web)) as any;
    expect(again.error).toMatchObject({ code: 'template_not_approved' });

    // Another template's campaign is not concerned.
    await until(() => campaigns.get(orders.id), (c) => c.status === 'completed');
    await pause(150);
    const atPause = sentFor('weekly_offer').length;

    await emulator.control.setTemplateStatus('weekly_offer', 'en_US', 'APPROVED');
    expect(h.services.templates.find('weekly_offer', 'en_US')?.status).toBe('APPROVED');
    await pause(200);
    expect(campaigns.get(offer.id).status).toBe('paused');
    expect(sentFor('weekly_offer')).toHaveLength(atPause);

    await campaigns.resume(offer.id);
    await until(() => campaigns.get(offer.id), (c) => c.status === 'completed');
    // Meta paused the template before telling: a send in between may have failed with 132015 (and is not resent).
    const done = campaigns.get(offer.id);
    expect(Object.keys(done.failedByReason).filter((code) => code !== '132015')).toEqual([]);
    const all = sentFor('weekly_offer');
    expect(all.length + done.counts.failed).toBe(200);
    expect(new Set(all.map((m) => m.to)).size).toBe(all.length);
  }, 40_000);

  it('DISABLED says to cancel, and a stale report does not undo a newer one', async () => {
    const { h, emulator, campaigns, sentFor, marketing } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(150, 'vip'));
    const offer = await marketing('Weekend offer', 'vip');
    await until(() => sentFor('weekly_offer').length, (n) => n >= 5);
    await emulator.control.setTemplateStatus('weekly_offer', 'en_US', 'DISABLED');
    expect(campaigns.get(offer.id)).toMatchObject({ status: 'paused', pauseCause: { kind: 'template_disabled', template: 'weekly_offer' } });
    expect(campaigns.get(offer.id).pauseReason).toMatch(/cancel this campaign/);

    const disabled = JSON.parse(emulator.control.webhooks().filter((d) => d.kind === 'account').at(-1)!.body);
    const older = structuredClone(disabled);
    older.entry[0].time -= 3600;
    older.entry[0].changes[0].value.event = 'APPROVED';
    await h.services.account.handle(parseWebhookPayload(older, Date.now()).events);
    expect(h.services.templates.find('weekly_offer', 'en_US')?.status).toBe('DISABLED');
    expect((await campaigns.cancel(offer.id)).status).toBe('cancelled');
  }, 30_000);
});

describe('pauses Meta causes are held per campaign', () => {
  it('after FLAGGED, resuming one campaign does not release another', async () => {
    const { h, emulator, campaigns, sentFor, marketing } = await shop();
    await seedContacts(h.services.ledger, [...optedInSeeds(60, 'a'), ...optedInSeeds(60, 'b', 1000)]);
    const first = await marketing('A', 'a');
    const second = await marketing('B', 'b');
    await emulator.control.simulateQualityUpdate({ event: 'FLAGGED' });
    expect([campaigns.get(first.id).status, campaigns.get(second.id).status]).toEqual(['paused', 'paused']);
    await campaigns.resume(first.id);
    await until(() => campaigns.get(first.id), (c) => c.status === 'completed');
    const bSent = sentFor('weekly_offer', '346100010').length;
    await pause(200);
    expect(campaigns.get(second.id).status).toBe('paused');
    expect(sentFor('weekly_offer', '346100010')).toHaveLength(bSent);
    await campaigns.resume(second.id);
    await until(() => campaigns.get(second.id), (c) => c.status === 'completed');
    expect(sentFor('weekly_offer')).toHaveLength(120);
  }, 30_000);

  it('after 131048 too: the all-campaigns hold becomes one per campaign, so resuming one leaves the other paused', async () => {
    const { h, emulator, campaigns, sentFor, marketing } = await shop();
    await seedContacts(h.services.ledger, [...optedInSeeds(60, 'a'), ...optedInSeeds(60, 'b', 1000)]);
    emulator.control.failNext(1, { code: 131048, pathIncludes: '/messages' });
    const first = await marketing('A', 'a');
    const second = await marketing('B', 'b');
    await until(() => [campaigns.get(first.id).status, campaigns.get(second.id).status], (s) => s.every((x) => x === 'paused'));
    expect(campaigns.get(second.id)).toMatchObject({ pauseCause: { kind: 'spam_limit' } });
    await campaigns.resume(first.id);
    await until(() => campaigns.get(first.id), (c) => c.status === 'completed');
    const bSent = sentFor('weekly_offer', '346100010').length;
    await pause(200);
    expect(campaigns.get(second.id).status).toBe('paused');
    expect(sentFor('weekly_offer', '346100010')).toHaveLength(bSent);
    await campaigns.resume(second.id);
    await until(() => campaigns.get(second.id), (c) => c.status === 'completed');
    expect(sentFor('weekly_offer')).toHaveLength(120);
  }, 30_000);
});
