import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { openHarness } from '../../../support/app-harness';
import { until } from '../../../support/eventually';
import { optedInSeeds, seedContacts, WEEKLY_MAPPING } from '../../../fixtures/campaign-contacts';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});


async function shop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
  const emulator = h.services.runtime.emulator()!;
  emulator.control.configure({ pairIntervalMs: 0 });
  expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
  const progress: { id: string; status: string; at: number }[] = [];
  h.services.bus.listen((event, payload) => {
    if (event === 'campaign:progress') progress.push({ ...(payload as { id: string; status: string }), at: performance.now() });
  });
  return { h, emulator, campaigns: h.services.campaigns, progress };
}

const draft = (name = 'Weekend offer') => ({
  name,
  template: { name: 'weekly_offer', language: 'en_US' },
  audience: { purpose: 'marketing' as const, tags: ['vip'], filters: {} },
  mapping: WEEKLY_MAPPING,
});

describe('campaigns (sandbox)', () => {
  it('a marketing campaign for a tag skips the opted-out and utility-only contacts, and its funnel matches the emulator', async () => {
    const { h, emulator, campaigns, progress } = await shop();
    const [ana, , , out, utilityOnly] = await seedContacts(h.services.ledger, [
      { phone: '+34611000001', name: 'Ana', tags: ['vip'], marketing: 'in' },
      { phone: '+34611000002', name: '', tags: ['vip'], marketing: 'in', utility: 'in' },
      { phone: '+34611000003', name: 'Carla', tags: ['vip', 'bakery'], marketing: 'in' },
      { phone: '+34611000004', name: 'Dani', tags: ['vip'], marketing: 'out' },
      { phone: '+34611000005', name: 'Eva', tags: ['vip'], utility: 'in' },
      { phone: '+34611000006', name: 'Fede', tags: ['staff'], marketing: 'in' },
    ]);
    const created = (await h.dispatch('campaigns:create', draft(), web)) as any;
    expect(created.ok).toBe(true);
    const id = created.value.id as string;

    const dry = ((await h.dispatch('campaigns:dryRun', { id }, web)) as any).value;
    expect(dry).toMatchObject({ audience: 5, send: 3, skippedTotal: 2, messages: 3, byReason: { opted_out: 1, no_consent: 1 } });
    expect(dry.skipped.map((s: any) => [s.contactId, s.reason])).toEqual([
      [out, 'opted_out'],
      [utilityOnly, 'no_consent'],
    ]);
    expect(dry.budget).toMatchObject({ tier: '250', limit: 250, consumes: 3 });
    // Contacts come in list order (name, else number): the unnamed one first, with the fallback.
    expect(dry.sample.values).toEqual({ 'body.first_name': 'there', 'body.offer': '2x1 bread' });

    const started = (await h.dispatch('campaigns:start', { id }, web)) as any;
    expect(started.value).toMatchObject({ status: 'sending', planned: { send: 3, skipped: 2 } });
    await until(() => campaigns.get(id), (c) => c.status === 'completed' && c.counts.read === 3);

    const record = emulator.control.sent().filter((m) => m.templateName === 'weekly_offer');
    expect(record).toHaveLength(3);
    expect(new Set(record.map((m) => m.to)).size).toBe(3);
    expect(record.map((m) => m.to)).not.toContain('34611000004');
    const detail = ((await h.dispatch('campaigns:get', { id }, web)) as any).value;
    expect(detail.counts).toMatchObject({ queued: 3, accepted: record.length, sent: 3, delivered: 3, read: 3, failed: 0, waiting: 0, done: 3 });
    const anaMessage = record.find((m) => m.to === '34611000001')!;
    expect(JSON.stringify(anaMessage.body)).toContain('Ana');
    // The contact without a name got the fallback.
    expect(JSON.stringify(record.find((m) => m.to === '34611000002')!.body)).toContain('there');
    expect(progress.filter((p) => p.id === id).at(-1)?.status).toBe('completed');

    const exported = ((await h.dispatch('campaigns:export', { id }, web)) as any).value;
    const rows = Papa.parse<string[]>(exported.csv.trim()).data;
    expect(rows[0]).toEqual(['name', 'phone', 'state', 'reason']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['', 'read', ''],
      ['Ana', 'read', ''],
      ['Carla', 'read', ''],
      ['Dani', 'not_sent', 'opted_out'],
      ['Eva', 'not_sent', 'no_consent'],
    ]);
    // Phone numbers start with +: neutralised so a spreadsheet does not run them as formulas.
    expect(rows[2]![1]).toBe("'+34611000001");
    expect(ana).toBeDefined();
    // A finished campaign cannot be started again.
    expect(await h.dispatch('campaigns:start', { id }, web)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 30_000);

  it('refuses a template whose category does not fit the purpose, a paused template, and unmapped slots', async () => {
    const { h } = await shop();
    expect(await h.dispatch('campaigns:create', { ...draft(), audience: { purpose: 'utility', tags: [], filters: {} } }, web)).toMatchObject({
      ok: false,
      error: { field: 'audience.purpose' },
    });
    expect(await h.dispatch('campaigns:create', { ...draft(), template: { name: 'paused_promo', language: 'en_US' }, mapping: {} }, web)).toMatchObject({
      ok: false,
      error: { code: 'template_not_approved' },
    });
    expect(await h.dispatch('campaigns:create', { ...draft(), mapping: { 'body.offer': { kind: 'text', text: 'x' } } }, web)).toMatchObject({
      ok: false,
      error: { field: 'mapping.body.first_name' },
    });
  });

  it('pause holds the rest, resume sends each remaining recipient once, cancel skips what is left', async () => {
    const { h, emulator, campaigns } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(120, 'vip'));
    const sentFor = (id: string) => emulator.control.sent().filter((m) => m.bizOpaqueCallbackData && h.services.messaging.outbox.get(m.bizOpaqueCallbackData)?.campaignId === id);

    const a = await campaigns.create(draft('A'));
    await campaigns.start(a.id);
    await until(() => sentFor(a.id).length, (n) => n >= 20);
    const paused = await campaigns.pause(a.id);
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'Paused by the owner.' });
    await h.services.messaging.outbox.drain();
    const atPause = sentFor(a.id).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(sentFor(a.id).length).toBe(atPause);
    expect(atPause).toBeLessThan(120);

    expect((await campaigns.resume(a.id)).status).toBe('sending');
    await until(() => campaigns.get(a.id), (c) => c.status === 'completed');
    const all = sentFor(a.id);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((m) => m.to)).size).toBe(120);

    const b = await campaigns.create(draft('B'));
    await campaigns.start(b.id);
    await until(() => sentFor(b.id).length, (n) => n >= 10);
    const cancelled = await campaigns.cancel(b.id);
    expect(cancelled.status).toBe('cancelled');
    await h.services.messaging.outbox.drain();
    const detail = campaigns.get(b.id);
    expect(detail.counts.waiting).toBe(0);
    expect(detail.skippedByReason.cancelled).toBe(120 - sentFor(b.id).length);
    await new Promise((r) => setTimeout(r, 200));
    expect(sentFor(b.id).length).toBe(detail.counts.queued - detail.counts.skipped);
    await expect(campaigns.resume(b.id)).rejects.toMatchObject({ code: 'conflict' });
  }, 40_000);

  it('pauses with a clear reason when Meta disables the template mid-campaign', async () => {
    const { h, emulator, campaigns } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(200, 'vip'));
    const c = await campaigns.create(draft());
    await campaigns.start(c.id);
    await until(() => emulator.control.sent().filter((m) => m.templateName === 'weekly_offer').length, (n) => n >= 15);
    // Silently: this is the send-error path (132016), for accounts not subscribed to template status webhooks.
    await emulator.control.setTemplateStatus('weekly_offer', 'en_US', 'DISABLED', { webhook: false });
    const paused = await until(() => campaigns.get(c.id), (x) => x.status === 'paused');
    expect(paused.pauseReason).toMatch(/disabled the template weekly_offer \(132016\)/);
    expect(paused.failedByReason['132016']).toBeGreaterThanOrEqual(1);
    expect(paused.counts.waiting).toBeGreaterThan(0);
    const listed = ((await h.dispatch('campaigns:list', {}, web)) as any).value.campaigns;
    expect(listed[0]).toMatchObject({ id: c.id, status: 'paused' });
  }, 30_000);

  it('pauses every campaign when Meta reports the number’s quality (131048), and resume carries on', async () => {
    const { h, emulator, campaigns } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(40, 'vip'));
    const c = await campaigns.create(draft());
    emulator.control.failNext(1, { code: 131048, pathIncludes: '/messages' });
    await campaigns.start(c.id);
    const paused = await until(() => campaigns.get(c.id), (x) => x.status === 'paused');
    expect(paused.pauseReason).toMatch(/131048/);
    await campaigns.resume(c.id);
    await until(() => campaigns.get(c.id), (x) => x.status === 'completed');
    const record = emulator.control.sent().filter((m) => m.templateName === 'weekly_offer');
    expect(record).toHaveLength(40);
    expect(new Set(record.map((m) => m.to)).size).toBe(40);
  }, 20_000);

  it('schedules for later: nothing leaves before the time, then it sends', async () => {
    const { h, emulator, campaigns } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(5, 'vip'));
    const c = await campaigns.create(draft());
    const at = new Date(Date.now() + 600);
    const scheduled = await campaigns.start(c.id, at);
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: at.toISOString() });
    await new Promise((r) => setTimeout(r, 300));
    expect(emulator.control.sent().filter((m) => m.templateName === 'weekly_offer')).toHaveLength(0);
    await until(() => campaigns.get(c.id), (x) => x.status === 'completed');
    const record = emulator.control.sent().filter((m) => m.templateName === 'weekly_offer');
    expect(record).toHaveLength(5);
    expect(Math.min(...record.map((m) => m.at))).toBeGreaterThanOrEqual(at.getTime() - 5);
  }, 20_000);

  it('emits progress at most every 100 ms', async () => {
    const { h, campaigns, progress } = await shop();
    await seedContacts(h.services.ledger, optedInSeeds(150, 'vip'));
    const c = await campaigns.create(draft());
    await campaigns.start(c.id);
    await until(() => campaigns.get(c.id), (x) => x.status === 'completed');
    const mine = progress.filter((p) => p.id === c.id);
    expect(mine.length).toBeGreaterThan(2);
    for (let i = 1; i < mine.length; i++) expect(mine[i]!.at - mine[i - 1]!.at).toBeGreaterThanOrEqual(100);
  }, 20_000);
});
