import { afterEach, describe, expect, it } from 'vitest';
import { OutboxError } from '../../../../main/services/outbox';
import { recipient, sentCounts, startRig, templateItem, until, type Rig } from './harness';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('Outbox against the emulator', () => {
  it('writes items durably before sending, sends each once with its id as callback data, and follows statuses', async () => {
    rig = await startRig();
    const items = await rig.outbox.enqueue([templateItem(), templateItem(), templateItem()]);
    expect(items.every((i) => i.state === 'queued' && /^[0-9A-Z]{26}$/.test(i.id))).toBe(true);
    expect(rig.emulator.control.sent()).toHaveLength(0);
    rig.outbox.start();
    await rig.outbox.drain();
    const counts = sentCounts(rig.emulator);
    expect([...counts.keys()].sort()).toEqual(items.map((i) => i.id).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await until(() => items.every((i) => rig!.outbox.get(i.id)?.state === 'read'));
    expect(rig.outbox.get(items[0]!.id)?.wamid).toMatch(/^wamid\./);
    expect(rig.outbox.counts().funnel).toEqual({ accepted: 3, sent: 3, delivered: 3, read: 3 });
    // onChange saw every step of one item, in order.
    const steps = rig.changes.filter((c) => c.id === items[0]!.id).map((c) => c.state);
    expect(steps.slice(0, 3)).toEqual(['queued', 'sending', 'accepted']);
  });

  it('rejects invalid input without writing anything', async () => {
    rig = await startRig();
    const bad = { ...templateItem(), to: '5551234' };
    await expect(rig.outbox.enqueue([templateItem(), bad])).rejects.toMatchObject({ code: 'invalid_item', detail: { index: 1, field: 'to' } });
    await expect(rig.outbox.enqueue([{ ...templateItem(), template: undefined }])).rejects.toBeInstanceOf(OutboxError);
    expect(rig.outbox.list()).toHaveLength(0);
  });

  it('queueing the same id twice is a no-op', async () => {
    rig = await startRig();
    const [first] = await rig.outbox.enqueue([templateItem()]);
    const [again] = await rig.outbox.enqueue([{ ...templateItem(first!.to), id: first!.id }]);
    expect(again).toEqual(first);
    expect(rig.outbox.list()).toHaveLength(1);
  });

  it('asks the gate at send time, not when queued; a refusal is skipped with its reason and never reaches the API', async () => {
    rig = await startRig();
    const refused = recipient();
    rig.gate = async (item) => (item.to === refused ? { ok: false, reason: 'no_consent:marketing' } : { ok: true });
    const items = await rig.outbox.enqueue([templateItem(), templateItem(refused), templateItem()]);
    expect(rig.gateCalls).toHaveLength(0);
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.gateCalls).toHaveLength(3);
    const skipped = rig.outbox.get(items[1]!.id)!;
    expect(skipped.state).toBe('skipped');
    expect(skipped.error?.message).toBe('no_consent:marketing');
    expect(rig.emulator.control.sent().map((s) => s.to)).not.toContain(refused.slice(1));
    expect(rig.outbox.counts().skippedByReason).toEqual({ 'no_consent:marketing': 1 });
  });

  it('a gate that throws fails closed', async () => {
    rig = await startRig();
    rig.gate = async () => {
      throw new Error('ledger unavailable');
    };
    const [item] = await rig.outbox.enqueue([templateItem()]);
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.outbox.get(item!.id)?.state).toBe('skipped');
    expect(rig.emulator.control.sent()).toHaveLength(0);
  });

  it('130429 (throughput) backs off and every message still goes exactly once', async () => {
    rig = await startRig({ emulator: { throughputPerSecond: 20 } });
    const items = await rig.outbox.enqueue(Array.from({ length: 30 }, () => templateItem()));
    rig.outbox.start();
    await rig.outbox.settled();
    expect(rig.emulator.control.rejections()['130429'] ?? 0).toBeGreaterThan(0);
    const counts = sentCounts(rig.emulator);
    expect(items.every((i) => counts.get(i.id) === 1)).toBe(true);
    expect(items.every((i) => ['accepted', 'sent', 'delivered', 'read'].includes(rig!.outbox.get(i.id)!.state))).toBe(true);
  });

  it('131056 (pair limit) retries that recipient after 4^n units and succeeds', async () => {
    rig = await startRig({ emulator: { pairIntervalMs: 150 }, outbox: { pairRetryUnitMs: 20 } });
    const to = recipient();
    const items = await rig.outbox.enqueue([templateItem(to), templateItem(to)]);
    rig.outbox.start();
    await rig.outbox.settled();
    expect(rig.emulator.control.rejections()['131056']).toBeGreaterThan(0);
    expect(items.map((i) => sentCounts(rig!.emulator).get(i.id))).toEqual([1, 1]);
    const times = rig.emulator.control.sent().map((s) => s.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(150);
  });

  it('spaces sends to one recipient by the pair interval itself', async () => {
    rig = await startRig({ emulator: { pairIntervalMs: 100 }, outbox: { pairIntervalMs: 100 } });
    const to = recipient();
    await rig.outbox.enqueue([templateItem(to), templateItem(to), templateItem(to)]);
    rig.outbox.start();
    await rig.outbox.settled();
    expect(rig.emulator.control.rejections()['131056']).toBeUndefined();
    expect(rig.emulator.control.sent()).toHaveLength(3);
  });

  it('0 and 190 stop the outbox until resumed; the items stay queued and go after resume', async () => {
    for (const code of [0, 190]) {
      rig = await startRig();
      rig.emulator.control.failNext(1, { code, httpStatus: 401 });
      const items = await rig.outbox.enqueue([templateItem()]);
      rig.outbox.start();
      await until(() => rig!.outbox.status().paused !== undefined);
      await rig.outbox.drain();
      expect(rig.outbox.status().paused?.reason).toMatchObject({ code, action: 'stop_reconnect' });
      expect(rig.outbox.get(items[0]!.id)?.state).toBe('queued');
      await rig.outbox.enqueue([templateItem()]);
      await new Promise((r) => setTimeout(r, 50));
      expect(rig.emulator.control.sent()).toHaveLength(0);
      expect(rig.alerts.some((a) => a.kind === 'paused')).toBe(true);
      await rig.outbox.resume();
      await rig.outbox.drain();
      expect(rig.emulator.control.sent()).toHaveLength(2);
      expect(rig.outbox.status().paused).toBeUndefined();
      await rig.close();
      rig = undefined;
    }
  });

  it('offline: held and queued, then sent exactly once when the API is back', async () => {
    rig = await startRig();
    await rig.emulator.control.setOffline('refuse');
    const items = await rig.outbox.enqueue(Array.from({ length: 5 }, () => templateItem()));
    rig.outbox.start();
    await until(() => rig!.outbox.status().offline !== undefined);
    await new Promise((r) => setTimeout(r, 150));
    expect(items.every((i) => rig!.outbox.get(i.id)?.state === 'queued' || rig!.outbox.get(i.id)?.state === 'sending')).toBe(true);
    expect(rig.outbox.status().offline!.failures).toBeGreaterThanOrEqual(1);
    await rig.emulator.control.setOffline(false);
    await rig.outbox.settled();
    const counts = sentCounts(rig.emulator);
    expect(items.map((i) => counts.get(i.id))).toEqual([1, 1, 1, 1, 1]);
    expect(rig.outbox.status().offline).toBeUndefined();
    expect(rig.alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(['offline', 'online']));
  });

  it('a connection lost after the request left makes the outcome unknown, never resent automatically', async () => {
    rig = await startRig();
    await rig.emulator.control.setOffline('destroy');
    const [item] = await rig.outbox.enqueue([templateItem()]);
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.outbox.get(item!.id)?.state).toBe('unknown');
    await rig.emulator.control.setOffline(false);
    await new Promise((r) => setTimeout(r, 100));
    await rig.outbox.drain();
    expect(rig.emulator.control.sent()).toHaveLength(0);
    expect(rig.outbox.get(item!.id)?.state).toBe('unknown');
  });

  it('pauses, resumes and cancels a campaign without touching other messages', async () => {
    rig = await startRig();
    await rig.outbox.pause('spring');
    const campaign = await rig.outbox.enqueue(Array.from({ length: 4 }, () => templateItem(recipient(), { campaignId: 'spring', origin: 'campaign' })));
    const other = await rig.outbox.enqueue([templateItem(), templateItem(recipient(), { campaignId: 'autumn', origin: 'campaign' })]);
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.outbox.status().pausedCampaigns.map((p) => p.campaignId)).toEqual(['spring']);
    expect(sentCounts(rig.emulator).size).toBe(2);
    expect(other.every((i) => sentCounts(rig!.emulator).get(i.id) === 1)).toBe(true);
    expect(rig.outbox.counts('spring').byState.queued).toBe(4);
    // The pause survives a restart.
    await rig.reopen();
    rig.outbox.start();
    await rig.outbox.drain();
    expect(sentCounts(rig.emulator).size).toBe(2);
    await rig.outbox.cancel('spring').then((n) => expect(n).toBe(4));
    await rig.outbox.resume('spring');
    await rig.outbox.drain();
    expect(sentCounts(rig.emulator).size).toBe(2);
    expect(rig.outbox.counts('spring').skippedByReason).toEqual({ cancelled: 4 });
    expect(campaign.every((i) => rig!.outbox.get(i.id)?.state === 'skipped')).toBe(true);
  });

  it('resumes a paused campaign', async () => {
    rig = await startRig();
    await rig.outbox.pause('c1');
    const items = await rig.outbox.enqueue(Array.from({ length: 3 }, () => templateItem(recipient(), { campaignId: 'c1', origin: 'campaign' })));
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.emulator.control.sent()).toHaveLength(0);
    await rig.outbox.resume('c1');
    await rig.outbox.drain();
    expect(items.every((i) => sentCounts(rig!.emulator).get(i.id) === 1)).toBe(true);
  });

  it('pausing the whole outbox holds everything until resume', async () => {
    rig = await startRig();
    await rig.outbox.pause();
    await rig.outbox.enqueue([templateItem()]);
    rig.outbox.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(rig.emulator.control.sent()).toHaveLength(0);
    await rig.outbox.resume();
    await rig.outbox.drain();
    expect(rig.emulator.control.sent()).toHaveLength(1);
  });

  it('lists by contact and campaign, newest first', async () => {
    rig = await startRig();
    const to = recipient();
    const a = await rig.outbox.enqueue([templateItem(to), templateItem(), templateItem(to, { campaignId: 'x', origin: 'campaign' })]);
    expect(rig.outbox.list({ contactId: `c-${to}` }).map((i) => i.id)).toEqual([a[2]!.id, a[0]!.id]);
    expect(rig.outbox.list({ campaignId: 'x' })).toHaveLength(1);
    expect(rig.outbox.list({ limit: 1 })).toHaveLength(1);
    // The by-contact lookup is rebuilt from disk: same answer after a reopen, and it sees items queued since.
    const reopened = await rig.reopen();
    expect(reopened.list({ contactId: `c-${to}` }).map((i) => i.id)).toEqual([a[2]!.id, a[0]!.id]);
    const [later] = await reopened.enqueue([templateItem(to)]);
    expect(reopened.list({ contactId: `c-${to}`, limit: 2 }).map((i) => i.id)).toEqual([later!.id, a[2]!.id]);
    expect(reopened.list({ contactId: 'c-nobody' })).toEqual([]);
  });

  it('sends free-form text inside the window', async () => {
    rig = await startRig();
    const to = recipient();
    rig.emulator.control.openWindow(to.slice(1));
    const [item] = await rig.outbox.enqueue([{ contactId: 'c', to, kind: 'text', text: 'Your order is ready', origin: 'reply' }]);
    rig.outbox.start();
    await rig.outbox.drain();
    expect(rig.emulator.control.sent()[0]).toMatchObject({ type: 'text', text: 'Your order is ready', bizOpaqueCallbackData: item!.id });
  });
});
