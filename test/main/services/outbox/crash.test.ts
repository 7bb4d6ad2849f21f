import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../main/services/outbox';
import { DataStore } from '../../../../main/services/store';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';
import { freePort, runTsChild, type ChildRun } from '../../../support/child-app';

const CHILD = path.resolve(import.meta.dirname, '../../../fixtures/outbox-child.ts');
const ITEMS = 500;
const KILLS = 16;

let emulator: CloudEmulator;
let dir: string;
let port: number;

/** Starts the child; `ready` resolves when its outbox runs, `exit` with its exit code (null when killed). */
function runChild(): ChildRun {
  const config = JSON.stringify({ accessToken: emulator.accessToken, phoneNumberId: emulator.phoneNumberId, wabaId: emulator.wabaId, appSecret: emulator.appSecret });
  return runTsChild(CHILD, [path.join(dir, 'data'), emulator.url, String(port), String(ITEMS), config]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'outbox-crash-'));
  port = await freePort();
  emulator = await startCloudEmulator({
    throughputPerSecond: 0,
    pairIntervalMs: 0,
    statusDelays: { sent: 30, delivered: 60, read: null },
    webhookUrl: `http://127.0.0.1:${port}/webhook`,
    webhookRetries: 1,
    webhookRetryDelayMs: 20,
  });
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox under SIGKILL', () => {
  it(`survives ${KILLS} kills at random moments: every item ends sent, failed or unknown, and none is sent twice`, async () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let kill = 0; kill < KILLS; kill++) {
      const run = runChild();
      // Most kills hit a running sender; some hit start-up (store open, recovery, enqueue).
      if (random() < 0.8) await Promise.race([run.ready, run.exit]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)));
      run.child.kill('SIGKILL');
      await run.exit;
    }
    const final = runChild();
    const code = await final.exit;
    expect(code, final.output()).toBe(0);
    expect(final.output()).toContain('DONE');

    const store = await DataStore.open({ dir: path.join(dir, 'data') });
    const items = (await store.collection<OutboxItem>('outbox')).all();
    await store.close();
    expect(items).toHaveLength(ITEMS);
    const states = new Set(items.map((i) => i.state));
    for (const state of states) expect(['accepted', 'sent', 'delivered', 'failed', 'unknown']).toContain(state);

    const received = new Map<string, number>();
    for (const record of emulator.control.sent()) {
      received.set(record.bizOpaqueCallbackData!, (received.get(record.bizOpaqueCallbackData!) ?? 0) + 1);
    }
    const twice = [...received].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    // Everything the outbox believes was accepted really reached the API; nothing reached it without a record.
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const item of items) if (['accepted', 'sent', 'delivered'].includes(item.state)) expect(received.get(item.id)).toBe(1);
    for (const id of received.keys()) expect(['accepted', 'sent', 'delivered', 'unknown']).toContain(byId.get(id)?.state);
    const unknown = items.filter((i) => i.state === 'unknown');
    const unknownReceived = unknown.filter((i) => received.has(i.id)).length;
    console.log(`crash test: ${KILLS} kills, ${received.size} received once each; ${unknown.length} unknown (${unknownReceived} of them did reach the API)`);
  }, 60_000);
});
