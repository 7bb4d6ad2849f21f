import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentEvent } from '../../../../shared/domain/consent/event';
import type { LedgerListener } from '../../../../main/services/consent/ledger';
import { StatsService } from '../../../../main/services/stats';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});


describe('StatsService with a scripted ledger', () => {
  const event = (id: string, contactId: string, type: ConsentEvent['type'], occurredAt: string) =>
    ({ id, contactId, type, method: 'in_person', occurredAt }) as ConsentEvent;

  it('counts events recorded during the start-up scan exactly once, then follows the change feed', async () => {
    let listener: LedgerListener | undefined;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const logged = [event('01A', 'a', 'confirmed', '2025-04-03T09:00:00.000Z'), event('01B', 'b', 'confirmed', '2025-04-03T09:05:00.000Z')];
    const ledger = {
      onChange: (l: LedgerListener) => ((listener = l), () => (listener = undefined)),
      async *allEvents() {
        yield logged[0]!;
        await gate;
        // The event written during the scan is in the log by now, so the scan sees it too.
        yield logged[1]!;
      },
    };
    const stats = new StatsService({ ledger, outboxItems: () => [], chatStats: () => [], now: () => new Date('2025-04-03T18:00:00Z'), offsetMinutes: () => 0 });
    listener!({} as never, [logged[1]!]);
    release();
    await stats.ready;
    listener!({} as never, [event('01C', 'c', 'revoked', '2025-04-03T10:00:00.000Z')]);
    const dashboard = await stats.today(7);
    expect(dashboard.counts.optIns).toBe(2);
    expect(dashboard.counts.revocations).toBe(1);
    expect(dashboard.days).toHaveLength(7);
    stats.close();
    expect(listener).toBeUndefined();
  });
});

async function sandboxShop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  return h;
}
type Shop = Awaited<ReturnType<typeof sandboxShop>>;

async function optIn(h: Shop, phone: string, purposes: string[]): Promise<string> {
  const version = ((await h.dispatch('consent:statement', { purposes }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone, name: 'Ana', purposes, staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
    web,
  )) as any;
  expect(r.ok).toBe(true);
  return r.value.contact.id as string;
}

const today = async (h: Shop) => ((await h.dispatch('stats:today', { days: 7 }, web)) as any).value;

/** Distinct message ids the emulator reported in each status webhook. */
function emulatorStatuses(h: Shop): Record<string, number> {
  const ids: Record<string, Set<string>> = {};
  for (const delivery of h.services.runtime.emulator()!.control.webhooks()) {
    if (delivery.kind !== 'status') continue;
    for (const entry of JSON.parse(delivery.body).entry ?? []) {
      for (const change of entry.changes ?? []) {
        for (const s of change.value?.statuses ?? []) (ids[s.status] ??= new Set()).add(s.id);
      }
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.size]));
}

describe('stats:today on the sandbox', () => {
  it('shows opt-ins by method, a STOP as a revocation, and the emulator’s sent/delivered/read counts', async () => {
    const h = await sandboxShop();
    const empty = await today(h);
    expect(empty.counts).toEqual({ optIns: 0, revocations: 0, chatsStarted: 0, sent: 0, delivered: 0, read: 0 });

    await optIn(h, '600112233', ['utility', 'marketing']);
    await optIn(h, '600445566', ['utility']);
    const afterOptIns = await today(h);
    expect(afterOptIns.counts.optIns).toBe(2);
    expect(afterOptIns.optInMethods).toEqual(['in_person']);
    expect(afterOptIns.optIns.at(-1)).toMatchObject({ total: 2, by: { in_person: 2 } });

    await h.services.runtime.emulator()!.control.simulateInbound({ from: '34600112233', text: 'STOP' });
    const stopped = await eventually(() => today(h), (d) => d.counts.revocations === 1);
    expect(stopped.revocations.at(-1)).toMatchObject({ total: 1, by: { whatsapp_keyword: 1 } });

    // Two welcomes and the unsubscribe reply, each through sent, delivered and read.
    const settled = await eventually(() => today(h), (d) => d.counts.read === 3);
    await h.services.runtime.emulator()!.control.idle();
    const emulator = emulatorStatuses(h);
    expect(emulator).toMatchObject({ sent: 3, delivered: 3, read: 3 });
    expect(settled.counts).toMatchObject({ sent: emulator.sent, delivered: emulator.delivered, read: emulator.read });
    expect(settled.messages.at(-1)).toMatchObject({ day: settled.today, failed: 0 });
  });

  it('resyncs the templates once when sends fail with 132001', async () => {
    const h = await sandboxShop();
    const id = await optIn(h, '600778899', ['utility']);
    await eventually(() => today(h), (d) => d.counts.read === 1);
    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    const sync = vi.spyOn(h.services.templates, 'sync');
    const changed: string[] = [];
    h.services.bus.listen((event, payload) => {
      if (event === 'data:changed') changed.push((payload as { domain: string }).domain);
    });
    h.services.runtime.emulator()!.control.failNext(2, { code: 132001, httpStatus: 404, pathIncludes: '/messages', details: 'template name does not exist in the translation' });
    for (const ref of ['A-1', 'A-2']) {
      const sent = await h.dispatch('messages:sendTemplate', { contactId: id, name: 'order_ready', language: 'en_US', values: { 'body.1': 'Ana', 'body.2': ref } }, web);
      expect(sent.ok).toBe(true);
    }
    await eventually(() => h.services.messaging.outbox.list({ contactId: id, state: 'failed' }).length, (n) => n === 2);
    await eventually(() => changed, (c) => c.includes('templates'));
    await h.services.templateResync.idle();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(h.services.messaging.outbox.list({ contactId: id, state: 'failed' })[0]!.error?.code).toBe(132001);
  });
});
