/** The consent check at the last moment: synchronous, in the same turn as the network call, failing closed. */
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../../../main/services/cloud';
import type { GateDecision, OutboxItem } from '../../../../main/services/outbox';
import { sentCounts, startRig, templateItem, type Rig } from './harness';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('the consent check right before the request', () => {
  it('refuses an item whose recipient opted out after the early gate passed it: skipped, and never on the wire', async () => {
    const optedOut = new Set<string>();
    rig = await startRig({ outbox: { concurrency: 1, checkAtSend: (item): GateDecision => (optedOut.has(item.to) ? { ok: false, reason: 'opted_out' } : { ok: true }) } });
    const [first, second] = await rig.outbox.enqueue([templateItem(), templateItem()]);
    // The early gate says yes to the second item; its customer says STOP right after (the gate's view is stale).
    rig.gate = async (item: OutboxItem) => {
      if (item.id === second!.id) queueMicrotask(() => optedOut.add(item.to));
      return { ok: true };
    };
    rig.outbox.start();
    await rig.outbox.settled();
    expect(rig.gateCalls).toContain(second!.id);
    expect(rig.outbox.get(first!.id)?.state).not.toBe('skipped');
    expect(rig.outbox.get(second!.id)).toMatchObject({ state: 'skipped', attempts: 0, error: { action: 'consent_refused', message: 'opted_out' } });
    expect(sentCounts(rig.emulator).has(second!.id)).toBe(false);
    // Written `sending` first (on disk before any request could leave), then skipped.
    expect(rig.changes.filter((c) => c.id === second!.id).map((c) => c.state)).toEqual(['queued', 'sending', 'skipped']);
  });

  it('fails closed when the check throws', async () => {
    rig = await startRig({ outbox: { checkAtSend: () => { throw new Error('ledger closed'); } } });
    const [item] = await rig.outbox.enqueue([templateItem()]);
    rig.outbox.start();
    await rig.outbox.settled();
    expect(rig.outbox.get(item!.id)).toMatchObject({ state: 'skipped', error: { action: 'consent_refused', message: 'The consent check failed: ledger closed' } });
    expect(rig.emulator.control.sent()).toHaveLength(0);
  });

  it('calls fetch() in the same synchronous turn as the check (nothing can run in between)', async () => {
    rig = await startRig();
    let checking: string | null = null;
    const turns: boolean[] = [];
    // The real client, with fetch observed: the request is started when fetch() is called.
    const client = createCloudClient({
      baseUrl: rig.emulator.url,
      phoneNumberId: rig.emulator.phoneNumberId,
      wabaId: rig.emulator.wabaId,
      getAccessToken: () => rig!.emulator.accessToken,
      fetch: (url, init) => {
        const id = (JSON.parse(String(init?.body ?? '{}')) as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
        turns.push(id !== undefined && checking === id);
        return fetch(url, init);
      },
    });
    const checkAtSend = (item: OutboxItem): GateDecision => {
      checking = item.id;
      // The first microtask after the check clears the mark: a fetch that sees it ran in the check's own turn.
      queueMicrotask(() => void (checking = null));
      return { ok: true };
    };
    const outbox = await rig.reopen({ client, checkAtSend });
    await outbox.enqueue([templateItem(), templateItem(), templateItem()]);
    outbox.start();
    await outbox.settled();
    expect(turns).toEqual([true, true, true]);
  });
});
