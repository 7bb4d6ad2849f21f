import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { reduceStatus, stateRank, type OutboxItem, type OutboxStatusEvent } from '../../../../main/services/outbox';
import { recipient, sentCounts, startRig, templateItem, until, type Rig } from './harness';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const status = (item: OutboxItem, s: string, errors: OutboxStatusEvent['errors'] = []): OutboxStatusEvent => ({
  messageId: item.wamid ?? 'wamid.X',
  status: s,
  bizOpaqueCallbackData: item.id,
  timestampMs: Date.now(),
  errors,
});

const marketingItem = (to: string) => ({
  contactId: `c-${to}`,
  to,
  kind: 'template' as const,
  template: {
    name: 'weekly_offer',
    language: 'en_US',
    category: 'MARKETING' as const,
    components: [{ type: 'body' as const, parameters: [{ type: 'text' as const, text: 'Ana', parameter_name: 'first_name' }, { type: 'text' as const, text: '10% off', parameter_name: 'offer' }] }],
  },
  purpose: 'marketing' as const,
  origin: 'campaign' as const,
  campaignId: 'promo',
});

describe('status webhooks', () => {
  it('move items forward only, ignore duplicates, and never undo read', async () => {
    rig = await startRig({ webhooks: false });
    const [queued] = await rig.outbox.enqueue([templateItem()]);
    rig.outbox.start();
    await rig.outbox.drain();
    const item = rig.outbox.get(queued!.id)!;
    expect(item.state).toBe('accepted');
    expect((await rig.outbox.applyStatus(status(item, 'read'))).applied).toBe(true);
    for (const s of ['delivered', 'sent', 'read', 'failed']) {
      expect((await rig.outbox.applyStatus(status(item, s, [{ code: 131000, action: 'retry' }]))).applied).toBe(false);
    }
    expect(rig.outbox.get(item.id)!.state).toBe('read');
    // Found by wamid when the callback data is missing; unknown messages are reported, not errors.
    expect((await rig.outbox.applyStatus({ ...status(item, 'read'), bizOpaqueCallbackData: undefined })).item?.id).toBe(item.id);
    expect((await rig.outbox.applyStatus({ ...status(item, 'read'), bizOpaqueCallbackData: 'nope', messageId: 'wamid.other' })).applied).toBe(false);
  });

  it('failed may follow sent but not delivered', async () => {
    rig = await startRig({ webhooks: false });
    const [a, b] = await rig.outbox.enqueue([templateItem(), templateItem()]);
    rig.outbox.start();
    await rig.outbox.drain();
    const itemA = rig.outbox.get(a!.id)!;
    const itemB = rig.outbox.get(b!.id)!;
    await rig.outbox.applyStatus(status(itemA, 'sent'));
    await rig.outbox.applyStatus(status(itemA, 'failed', [{ code: 131000, action: 'retry' }]));
    expect(rig.outbox.get(a!.id)!.state).toBe('failed');
    await rig.outbox.applyStatus(status(itemB, 'delivered'));
    await rig.outbox.applyStatus(status(itemB, 'failed', [{ code: 131000, action: 'retry' }]));
    expect(rig.outbox.get(b!.id)!.state).toBe('delivered');
    expect(rig.outbox.counts().failedByReason).toEqual({ '131000': 1 });
  });

  it('out-of-order and duplicated webhooks from the emulator still end every item at read', async () => {
    rig = await startRig({ emulator: { chaos: { duplicateRate: 0.5, reorderRate: 0.5 } } });
    const items = await rig.outbox.enqueue(Array.from({ length: 20 }, () => templateItem()));
    rig.outbox.start();
    await rig.outbox.drain();
    await rig.emulator.control.idle();
    await until(() => items.every((i) => rig!.outbox.get(i.id)!.state === 'read'));
    for (const item of items) {
      const ranks = rig.changes.filter((c) => c.id === item.id && c.state !== 'queued' && c.state !== 'sending').map((c) => stateRank(c.state));
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    }
  });

  it('131049 retries no sooner than 24 h, 131050 records a stop, 131026 marks the number undeliverable', async () => {
    rig = await startRig();
    const [limited, stopped, bounced] = [recipient(), recipient(), recipient()];
    rig.emulator.control.setRecipient(limited.slice(1), 'marketing_limit');
    rig.emulator.control.setRecipient(stopped.slice(1), 'marketing_stopped');
    rig.emulator.control.setRecipient(bounced.slice(1), 'undeliverable');
    const before = Date.now();
    const [a, b, c] = await rig.outbox.enqueue([marketingItem(limited), marketingItem(stopped), marketingItem(bounced)]);
    rig.outbox.start();
    // The contact signals follow the state write: wait for them too.
    await until(
      () =>
        rig!.outbox.get(b!.id)!.state === 'failed' && rig!.outbox.get(c!.id)!.state === 'failed' && rig!.outbox.get(a!.id)!.error?.code === 131049 &&
        rig!.stopped.length > 0 && rig!.undeliverable.length > 0,
    );
    const held = rig.outbox.get(a!.id)!;
    expect(held.state).toBe('queued');
    expect(held.nextAttemptAt).toBeGreaterThanOrEqual(before + 24 * 3600_000);
    expect(rig.stopped).toEqual([stopped.replace(/^/, 'c-')]);
    expect(rig.undeliverable).toEqual([`c-${bounced}`]);
    // A duplicate of the failed status changes nothing, and the held item is not resent meanwhile.
    const again = await rig.outbox.applyStatus({ ...status(held, 'failed', [{ code: 131049, action: 'retry_after_24h' }]), messageId: held.wamid! });
    expect(again.applied).toBe(false);
    expect(rig.outbox.get(a!.id)!.nextAttemptAt).toBe(held.nextAttemptAt);
    // A repeated stop report repeats the signal (the ledger dedupes on the item id), so a lost write is redone.
    const failedStop = rig.outbox.get(b!.id)!;
    await rig.outbox.applyStatus({ ...status(failedStop, 'failed', [{ code: 131050, action: 'never_retry_stop' }]) });
    expect(rig.stopped).toHaveLength(2);
    await rig.outbox.drain();
    expect(sentCounts(rig.emulator).get(a!.id)).toBe(1);
    expect(rig.outbox.counts('promo').failedByReason).toEqual({ '131050': 1, '131026': 1 });
  });
});

describe('reduceStatus (property)', () => {
  const base: OutboxItem = {
    id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    contactId: 'c',
    to: '+15550000001',
    kind: 'text',
    text: 'hi',
    origin: 'reply',
    state: 'accepted',
    attempts: 1,
    nextAttemptAt: 0,
    wamid: 'wamid.A',
    createdAt: 0,
    updatedAt: 0,
  };
  it('any order and repetition of sent/delivered/read ends at the furthest one, never stepping back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('sent', 'delivered', 'read'), { minLength: 1, maxLength: 12 }), fc.constantFrom<OutboxItem['state']>('accepted', 'sending', 'unknown'), (seq, start) => {
        let item: OutboxItem = { ...base, state: start };
        let rank = 0;
        for (const s of seq) {
          const { next } = reduceStatus(item, { messageId: 'wamid.A', status: s, bizOpaqueCallbackData: item.id, timestampMs: 0, errors: [] }, 1, 1000);
          if (next) item = next;
          expect(stateRank(item.state)).toBeGreaterThanOrEqual(rank);
          rank = stateRank(item.state);
        }
        const furthest = seq.includes('read') ? 'read' : seq.includes('delivered') ? 'delivered' : 'sent';
        expect(item.state).toBe(furthest);
      }),
      { numRuns: 200 },
    );
  });
});
