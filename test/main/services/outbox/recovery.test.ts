import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../main/services/outbox';
import { sentCounts, startRig, templateItem, type Rig } from './harness';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Leaves items as a crash mid-send would: `sending` on disk. */
async function crashMidSend(r: Rig, count: number): Promise<OutboxItem[]> {
  const queued = await r.outbox.enqueue(Array.from({ length: count }, () => templateItem()));
  const collection = await r.store.collection<OutboxItem>('outbox');
  const sending = queued.map((item) => ({ ...item, state: 'sending' as const, attempts: 1, sendingSince: Date.now() - 60_000 }));
  await collection.upsertMany(sending);
  return sending;
}

describe('crash recovery', () => {
  it('items left sending become unknown and are never resent automatically', async () => {
    rig = await startRig({ webhooks: false });
    const [a, b] = await crashMidSend(rig, 2);
    const outbox = await rig.reopen();
    expect(outbox.get(a!.id)?.state).toBe('unknown');
    expect(outbox.get(b!.id)?.error?.action).toBe('unknown_outcome');
    outbox.start();
    await outbox.drain();
    await new Promise((r) => setTimeout(r, 50));
    expect(rig.emulator.control.sent()).toHaveLength(0);
    expect(outbox.counts().byState.unknown).toBe(2);
  });

  it('a status webhook carrying the id reconciles an unknown item', async () => {
    rig = await startRig({ webhooks: false });
    const [a] = await crashMidSend(rig, 1);
    const outbox = await rig.reopen();
    const result = await outbox.applyStatus({ messageId: 'wamid.LATE', status: 'delivered', bizOpaqueCallbackData: a!.id, timestampMs: Date.now(), errors: [] });
    expect(result.applied).toBe(true);
    expect(outbox.get(a!.id)).toMatchObject({ state: 'delivered', wamid: 'wamid.LATE' });
    expect(outbox.listUnknown()).toHaveLength(0);
  });

  it('lists unknown items; the owner resends (sent once, after confirming) or drops', async () => {
    rig = await startRig({ webhooks: false });
    const [a, b] = await crashMidSend(rig, 2);
    const outbox = await rig.reopen();
    expect(outbox.listUnknown().map((i) => i.id).sort()).toEqual([a!.id, b!.id].sort());
    await expect(outbox.drop(a!.id)).resolves.toMatchObject({ state: 'skipped' });
    await expect(outbox.drop(a!.id)).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(outbox.resend('01HZZZZZZZZZZZZZZZZZZZZZZZ')).rejects.toMatchObject({ code: 'not_found' });
    await outbox.resend(b!.id, { confirmUnknown: true });
    outbox.start();
    await outbox.drain();
    expect([...sentCounts(rig.emulator)]).toEqual([[b!.id, 1]]);
    expect(outbox.get(b!.id)?.state).toBe('accepted');
    expect(outbox.listUnknown()).toHaveLength(0);
  });

  it('a resend is called off when a late status shows the first attempt got through', async () => {
    rig = await startRig({ webhooks: false });
    const [a] = await crashMidSend(rig, 1);
    const outbox = await rig.reopen();
    await outbox.pause();
    await outbox.resend(a!.id, { confirmUnknown: true });
    await outbox.applyStatus({ messageId: 'wamid.FIRST', status: 'sent', bizOpaqueCallbackData: a!.id, timestampMs: Date.now(), errors: [] });
    await outbox.resume();
    outbox.start();
    await outbox.drain();
    expect(rig.emulator.control.sent()).toHaveLength(0);
    expect(outbox.get(a!.id)).toMatchObject({ state: 'sent', wamid: 'wamid.FIRST' });
  });

  it('queued items survive a restart and are sent after it', async () => {
    rig = await startRig();
    const items = await rig.outbox.enqueue([templateItem(), templateItem()]);
    const outbox = await rig.reopen();
    expect(outbox.counts().byState.queued).toBe(2);
    outbox.start();
    await outbox.drain();
    expect(items.map((i) => sentCounts(rig!.emulator).get(i.id))).toEqual([1, 1]);
  });
});
