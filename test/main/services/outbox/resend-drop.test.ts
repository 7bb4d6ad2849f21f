import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../main/services/outbox';
import { openHarness } from '../../../support/app-harness';
import { sentCounts, startRig, templateItem, type Rig } from './harness';

let rig: Rig | undefined;
let closeHarness: (() => Promise<void>) | undefined;
afterEach(async () => {
  await rig?.close();
  await closeHarness?.();
  rig = undefined;
  closeHarness = undefined;
});

/** Leaves items as a send whose answer never came: `unknown`, just now (no time has passed since). */
async function justUnknown(r: Rig, count: number): Promise<OutboxItem[]> {
  const queued = await r.outbox.enqueue(Array.from({ length: count }, () => templateItem()));
  const collection = await r.store.collection<OutboxItem>('outbox');
  const sending = queued.map((item) => ({ ...item, state: 'sending' as const, attempts: 1, sendingSince: Date.now() }));
  await collection.upsertMany(sending);
  return sending;
}

describe('unknown outcomes in the outbox', () => {
  it('lists an unknown item at once, not after ten minutes', async () => {
    rig = await startRig({ webhooks: false });
    const [a] = await justUnknown(rig, 1);
    const outbox = await rig.reopen();
    expect(outbox.listUnknown().map((i) => i.id)).toEqual([a!.id]);
  });

  it('refuses to resend an unknown item without the owner’s confirmation, and sends it once with it', async () => {
    rig = await startRig({ webhooks: false });
    const [a] = await justUnknown(rig, 1);
    const outbox = await rig.reopen();
    outbox.start();
    await expect(outbox.resend(a!.id)).rejects.toMatchObject({ code: 'confirmation_required' });
    await expect(outbox.resend(a!.id, { confirmUnknown: false })).rejects.toMatchObject({ code: 'confirmation_required' });
    await outbox.drain();
    expect(outbox.get(a!.id)?.state).toBe('unknown');
    expect(rig.emulator.control.sent()).toHaveLength(0);

    await outbox.resend(a!.id, { confirmUnknown: true });
    await outbox.drain();
    expect([...sentCounts(rig.emulator)]).toEqual([[a!.id, 1]]);
  });

  it('resends a failed item without a confirmation (it never reached WhatsApp)', async () => {
    rig = await startRig({ webhooks: false });
    const [item] = await rig.outbox.enqueue([templateItem()]);
    const collection = await rig.store.collection<OutboxItem>('outbox');
    await collection.upsert({ ...item!, state: 'failed', error: { code: 131000, message: 'Something went wrong' } });
    await expect(rig.outbox.resend(item!.id)).resolves.toMatchObject({ state: 'queued' });
  });
});

describe('outbox:resend and outbox:drop over the dispatcher', () => {
  /** The real app behind the real dispatcher, with one item of each interesting state in its outbox. */
  async function app() {
    const harness = await openHarness();
    closeHarness = harness.close;
    const collection = await harness.services.store.collection<OutboxItem>('outbox');
    const base = { contactId: 'c-1', to: '+15551230001', kind: 'text' as const, text: 'Hi', purpose: 'service', origin: 'reply', attempts: 1, nextAttemptAt: 0, createdAt: 1, updatedAt: 1 };
    const unknown = { ...base, id: 'item-unknown', state: 'unknown' as const, error: { action: 'unknown_outcome', message: 'No answer' } };
    const delivered = { ...base, id: 'item-delivered', state: 'delivered' as const, wamid: 'wamid.D' };
    await collection.upsertMany([unknown, delivered] as OutboxItem[]);
    return harness;
  }

  it('answers typed errors for a missing id, an unknown id and a wrong state, and logs nothing', async () => {
    const harness = await app();
    const secretish = 'Ana García +34 600 000 000';
    const call = (channel: string, args: unknown) => harness.dispatch(channel, args, { transport: 'web-bridge' });

    expect(await call('outbox:resend', {})).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'id' } });
    expect(await call('outbox:drop', { id: '' })).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'id' } });
    const missing = await call('outbox:resend', { id: secretish, confirmUnknown: true });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(JSON.stringify(missing)).not.toContain(secretish);
    expect(await call('outbox:drop', { id: secretish })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('outbox:drop', { id: 'item-delivered' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await call('outbox:resend', { id: 'item-delivered', confirmUnknown: true })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await call('outbox:resend', { id: 'item-unknown', confirmUnknown: false })).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'confirmUnknown' } });
    // Expected refusals are results, not bugs: nothing reaches the error log, so no caller input can either.
    expect(harness.errors).toEqual([]);
  });

  it('shows an unknown item at once and resends it only with confirmUnknown', async () => {
    const harness = await app();
    const call = (channel: string, args: unknown) => harness.dispatch(channel, args, { transport: 'web-bridge' });
    const status = await call('outbox:status', {});
    expect(status).toMatchObject({ ok: true, value: { unknown: [{ id: 'item-unknown', state: 'unknown' }] } });

    const refused = await call('outbox:resend', { id: 'item-unknown' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_required', field: 'confirmUnknown' } });
    expect(harness.services.messaging.outbox.get('item-unknown')?.state).toBe('unknown');

    const resent = await call('outbox:resend', { id: 'item-unknown', confirmUnknown: true });
    expect(resent).toMatchObject({ ok: true, value: { id: 'item-unknown' } });
    expect(harness.services.messaging.outbox.get('item-unknown')?.state).not.toBe('unknown');
    expect(harness.errors).toEqual([]);
  });

  it('drops an unknown item', async () => {
    const harness = await app();
    const dropped = await harness.dispatch('outbox:drop', { id: 'item-unknown' }, { transport: 'web-bridge' });
    expect(dropped).toMatchObject({ ok: true, value: { state: 'skipped' } });
  });
});
