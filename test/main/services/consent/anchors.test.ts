import { createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentEvent } from '../../../../shared/domain/consent/event';
import { computeEventHash, GENESIS_PREV_HASH, verifyAgainstAnchor } from '../../../../shared/domain/consent/hash-chain';
import { ANCHORS_FILE, AnchorsLog } from '../../../../main/services/consent/anchors-log';
import type { InboundEvent } from '../../../../main/services/webhook/events';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';
import { tempDir } from '../../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What someone with the data folder could do: rewrite an event and re-seal every hash after it so the chain verifies. */
function reseal(events: ConsentEvent[], index: number, change: Partial<ConsentEvent>): ConsentEvent[] {
  const out: ConsentEvent[] = [];
  let prev = GENESIS_PREV_HASH;
  for (const [i, event] of events.entries()) {
    const edited = { ...event, ...(i === index ? change : {}), prevHash: prev } as ConsentEvent;
    edited.hash = computeEventHash(edited);
    prev = edited.hash;
    out.push(edited);
  }
  return out;
}

/** A contact's events as a fresh start of the app reads them from the data folder. */
async function storedEvents(dir: string, id: string): Promise<ConsentEvent[]> {
  const again = await openHarness({ dataDir: dir });
  try {
    return (await again.services.ledger.history(id)).events;
  } finally {
    await again.close();
  }
}

/** A shop with one customer: opted in at the counter, wrote once, then stopped. */
async function shopWithHistory() {
  const tmp = await tempDir();
  const h = await openHarness({ dataDir: tmp.dir });
  cleanup = async () => {
    await h.close().catch(() => undefined);
    await tmp.cleanup();
  };
  await h.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
  const version = ((await h.dispatch('consent:statement', { purposes: ['marketing'] }, web)) as any).value.version;
  const opted = (await h.dispatch(
    'consent:optInInPerson',
    { phone: '07400111111', name: 'Jo', purposes: ['marketing'], staffMember: 'Sam', statementVersion: version, locale: 'en', agreed: true },
    web,
  )) as any;
  const id: string = opted.value.contact.id;
  // Let the welcome the opt-in queued settle (and its 'welcomed' event land) so the history below is final.
  await eventually(
    async () => {
      const items = h.services.messaging.outbox.list({ contactId: id });
      const events = (await h.services.ledger.history(id)).events;
      return { items, events, record: h.services.ledger.get(id) };
    },
    ({ items, events, record }) => {
      const welcome = items.find((i) => i.origin === 'welcome');
      const settled = welcome !== undefined && (['failed', 'skipped'].includes(welcome.state) || events.some((e) => e.type === 'welcomed'));
      return settled && record.eventCount === events.length;
    },
  );
  const inbound = {
    kind: 'inbound', key: 'message:wamid.hello', messageId: 'wamid.hello', from: '447400111111', profileName: 'Jo', timestampMs: Date.now(), receivedAt: Date.now(),
    type: 'text', text: 'Hello, is my order ready?', button: undefined, reply: undefined, referral: undefined, contextMessageId: undefined, raw: {},
  } as unknown as InboundEvent;
  await h.services.inbox.handle([inbound]);
  await h.dispatch('consent:stopOnBehalf', { contactId: id, purposes: ['marketing'], staffMember: 'Sam', note: '' }, web);
  const exported = (await h.dispatch('export:proofPack', { contactId: id }, web)) as any;
  if (!exported.ok) throw new Error(exported.error.message);
  const pack = JSON.parse(exported.value.json);
  return { h, id, dir: tmp.dir, pack };
}

describe('proof pack', () => {
  it('lists the messages of the contact and can be checked with nothing but SHA-256', async () => {
    const { pack } = await shopWithHistory();
    expect(pack.messages.map((m: any) => `${m.direction}:${m.origin ?? m.type}`).sort()).toEqual(['inbound:text', 'outbound:welcome']);
    expect(pack.messages.find((m: any) => m.direction === 'inbound')).toMatchObject({ direction: 'inbound', text: 'Hello, is my order ready?' });
    expect(pack.events.length).toBeGreaterThanOrEqual(2);
    let prev = GENESIS_PREV_HASH;
    for (const [i, event] of pack.events.entries()) {
      expect(pack.hashInputs[i].startsWith(event.prevHash)).toBe(true);
      expect(sha256(pack.hashInputs[i])).toBe(event.hash);
      expect(event.prevHash).toBe(prev);
      prev = event.hash;
    }
    expect(pack.anchor).toMatchObject({ eventCount: pack.events.length, headHash: prev });
    expect(pack.shopAnchor).toMatchObject({ seq: expect.any(Number), contacts: 1 });
    expect(pack.shopAnchor.totalEvents).toBeGreaterThanOrEqual(pack.events.length);
    expect(pack.verify.join(' ')).toMatch(/SHA-256/);
  });
});

describe('anchors catch what the chain alone cannot', () => {
  it('a later pack with the newest event dropped, or the chain re-sealed, fails against an earlier pack’s anchor', async () => {
    const { pack } = await shopWithHistory();
    const events: ConsentEvent[] = pack.events;
    expect(verifyAgainstAnchor(events, pack.anchor)).toEqual({ ok: true });
    // Both forgeries verify as chains on their own…
    const truncated = events.slice(0, -1);
    const resealed = reseal(events, 1, { type: 'confirmed' });
    expect(verifyAgainstAnchor(truncated, { eventCount: 0, headHash: GENESIS_PREV_HASH }).ok).toBe(true);
    // …but not against the anchor the earlier pack carried.
    expect(verifyAgainstAnchor(truncated, pack.anchor)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(verifyAgainstAnchor(resealed, pack.anchor)).toMatchObject({ ok: false, reason: 'rewritten' });
  });

  it('the app’s own anchors log (kept across restarts) flags a dropped newest event and a re-sealed chain', async () => {
    const { h, id, dir, pack } = await shopWithHistory();
    await h.close();
    // The contact's events as stored now (a welcome may have been recorded after the pack was made).
    const events = await storedEvents(dir, id);
    expect(events.slice(0, pack.events.length)).toEqual(pack.events);
    const log = await AnchorsLog.open(dir, () => new Date());
    expect(log.anchorFor(id)).toMatchObject({ eventCount: events.length, headHash: events[events.length - 1]!.hash });
    expect(log.check(id, events)).toMatchObject({ ok: true });
    expect(log.check(id, events.slice(0, -1))).toMatchObject({ ok: false, message: expect.stringMatching(/newest events were dropped/) });
    expect(log.check(id, reseal(events, 0, { recordedBy: 'Someone else' }))).toMatchObject({ ok: false, message: expect.stringMatching(/re-sealed/) });
  });

  it('an edited anchors log is itself reported, and a torn last line is ignored', async () => {
    const { h, id, dir } = await shopWithHistory();
    await h.close();
    const events = await storedEvents(dir, id);
    const file = path.join(dir, ANCHORS_FILE);
    const original = await readFile(file, 'utf8');
    await appendFile(file, '{"seq":99,"at":"2026');
    expect((await AnchorsLog.open(dir, () => new Date())).check(id, events)).toMatchObject({ ok: true });
    const lines = original.trimEnd().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!);
    last.heads = last.heads.map(([c, n]: [string, number, string]) => [c, n, '0'.repeat(64)]);
    await writeFile(file, [...lines.slice(0, -1), JSON.stringify(last)].join('\n') + '\n');
    expect((await AnchorsLog.open(dir, () => new Date())).check(id, events)).toMatchObject({ ok: false, message: expect.stringMatching(/anchors log/) });
  });

  it('contacts:get reports a chain that no longer reaches its anchored head', async () => {
    const { h, id, pack } = await shopWithHistory();
    // The anchor the app holds for this contact is ahead of what the ledger now returns (as after a truncation).
    const stored = (await h.services.ledger.history(id)).events.length;
    await h.services.anchors.anchor('changes', [{ contactId: id, eventCount: stored + 1, headHash: 'f'.repeat(64) }]);
    const detail = (await h.dispatch('contacts:get', { id }, web)) as any;
    expect(detail.value.chain).toMatchObject({ ok: false, message: expect.stringMatching(/newest events were dropped/) });
    expect(pack.chain.ok).toBe(true);
  });

  it('every backup carries an anchor of the chain heads at that instant', async () => {
    const { h, id } = await shopWithHistory();
    const { events } = await h.services.ledger.history(id);
    const info = await h.services.backups.create();
    const lines = (await readFile(path.join(info.path, ANCHORS_FILE), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ reason: 'backup', contacts: 1, totalEvents: events.length });
    const log = await AnchorsLog.open(info.path, () => new Date());
    expect(log.anchorFor(id)).toMatchObject({ eventCount: events.length, headHash: events[events.length - 1]!.hash });
  });

  it('the CSV export of all events is anchored and named after its anchor', async () => {
    const { h } = await shopWithHistory();
    const exported = (await h.dispatch('export:eventsCsv', {}, web)) as any;
    expect(exported.ok).toBe(true);
    const newest = h.services.anchors.newest()!;
    expect(newest).toMatchObject({ reason: 'events_csv' });
    expect(exported.value.fileName).toMatch(new RegExp(`-anchor-${newest.seq}-${newest.root.slice(0, 12)}\\.csv$`));
  });
});
