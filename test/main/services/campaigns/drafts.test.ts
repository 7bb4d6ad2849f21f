import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';
import { until } from '../../../support/eventually';
import { seedContacts, WEEKLY_MAPPING } from '../../../fixtures/campaign-contacts';

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
  await seedContacts(h.services.ledger, [
    { phone: '+34611000001', name: 'Ana', tags: ['vip'], marketing: 'in' },
    { phone: '+34611000002', name: '', tags: ['vip'], marketing: 'in' },
    { phone: '+34611000003', name: 'Carla', tags: ['vip'], marketing: 'in' },
  ]);
  return { h, emulator };
}

const draft = (mapping: Record<string, unknown> = WEEKLY_MAPPING, name = 'Weekend offer') => ({
  name,
  template: { name: 'weekly_offer', language: 'en_US' },
  audience: { purpose: 'marketing' as const, tags: ['vip'], filters: {} },
  mapping,
});

async function created(h: Awaited<ReturnType<typeof shop>>['h'], body = draft()): Promise<string> {
  const result = (await h.dispatch('campaigns:create', body, web)) as any;
  expect(result.ok).toBe(true);
  return result.value.id as string;
}

describe('campaign drafts: empty values, previews, edit, duplicate, delete, test send', () => {
  it('refuses to start while a value would be empty, and the dry run shows the rendered messages, the empty one among them', async () => {
    const { h, emulator } = await shop();
    const noFallback = { ...WEEKLY_MAPPING, 'body.first_name': { kind: 'field', field: 'name' } };
    const id = await created(h, draft(noFallback));

    const dry = ((await h.dispatch('campaigns:dryRun', { id }, web)) as any).value;
    expect(dry.emptyValues).toEqual({ count: 1, slots: ['body.first_name'] });
    expect(dry.previews[0]).toMatchObject({ name: '', missing: ['body.first_name'] });
    expect(dry.previews.slice(1).map((p: any) => p.body)).toEqual(['Hi Ana, this week: 2x1 bread.', 'Hi Carla, this week: 2x1 bread.']);

    // Main refuses, whatever the form did.
    expect(await h.dispatch('campaigns:start', { id }, web)).toMatchObject({ ok: false, error: { code: 'empty_value', field: 'mapping.body.first_name' } });
    expect(emulator.control.sent().filter((m) => m.templateName === 'weekly_offer')).toHaveLength(0);

    // With a fallback the empty name shows what it really sends, and start goes ahead.
    expect((await h.dispatch('campaigns:update', { id, ...draft() }, web)).ok).toBe(true);
    const fixed = ((await h.dispatch('campaigns:dryRun', { id }, web)) as any).value;
    expect(fixed.emptyValues.count).toBe(0);
    expect(fixed.previews.find((p: any) => p.name === '')).toMatchObject({ body: 'Hi there, this week: 2x1 bread.', empty: ['body.first_name'], missing: [] });
    expect(await h.dispatch('campaigns:start', { id }, web)).toMatchObject({ ok: true, value: { status: 'sending' } });
  });

  it('edits, duplicates and deletes a draft; a started campaign cannot be edited, and an active one cannot be deleted', async () => {
    const { h } = await shop();
    const id = await created(h);
    const edited = (await h.dispatch('campaigns:update', { id, ...draft(WEEKLY_MAPPING, 'Saturday offer') }, web)) as any;
    expect(edited.value).toMatchObject({ id, name: 'Saturday offer', status: 'draft' });
    expect(await h.dispatch('campaigns:update', { id, ...draft({}) }, web)).toMatchObject({ ok: false, error: { field: 'mapping.body.first_name' } });

    const copy = ((await h.dispatch('campaigns:duplicate', { id }, web)) as any).value;
    expect(copy).toMatchObject({ name: 'Saturday offer (copy)', status: 'draft', mapping: WEEKLY_MAPPING });
    expect(copy.id).not.toBe(id);

    expect(await h.dispatch('campaigns:delete', { id: copy.id }, web)).toMatchObject({ ok: true, value: { keptMessages: 0 } });
    const list = ((await h.dispatch('campaigns:list', {}, web)) as any).value.campaigns.map((c: any) => c.id);
    expect(list).toEqual([id]);

    await h.dispatch('campaigns:start', { id, at: new Date(Date.now() + 3_600_000).toISOString() }, web);
    expect(await h.dispatch('campaigns:update', { id, ...draft() }, web)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await h.dispatch('campaigns:delete', { id }, web)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('deleting a finished campaign keeps the messages it sent and the consent evidence', async () => {
    const { h } = await shop();
    const id = await created(h);
    await h.dispatch('campaigns:start', { id }, web);
    await until(() => h.services.campaigns.get(id), (c) => c.status === 'completed' && c.counts.read === 3);
    const events = h.services.ledger.search({ text: '', offset: 0, limit: 10 }).records.map((r) => h.services.ledger.get(r.id));

    expect(await h.dispatch('campaigns:delete', { id }, web)).toMatchObject({ ok: true, value: { id, keptMessages: 3 } });
    expect(h.services.messaging.outbox.list({ campaignId: id, limit: 10 })).toHaveLength(3);
    expect(h.services.ledger.search({ text: '', offset: 0, limit: 10 }).records.map((r) => h.services.ledger.get(r.id))).toEqual(events);
    expect(await h.dispatch('campaigns:get', { id }, web)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('sends a test only to the shop’s own number, filled as for the first recipient', async () => {
    const { h, emulator } = await shop();
    const id = await created(h);
    const sent = (await h.dispatch('campaigns:testSend', { id }, web)) as any;
    expect(sent.value.to).toBe('+34612345678');
    const wire = emulator.control.sent().filter((m) => m.templateName === 'weekly_offer');
    expect(wire.map((m) => m.to)).toEqual(['34612345678']);
    // Nothing of the campaign was queued, and the campaign is still a draft.
    expect(h.services.messaging.outbox.list({ campaignId: id, limit: 10 })).toHaveLength(0);
    expect(h.services.campaigns.get(id).status).toBe('draft');
  });
});
