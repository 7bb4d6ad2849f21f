/** Test rig: a real emulator, the real client and webhook receiver, a data store in a temp folder, and an outbox. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCloudClient } from '../../../../main/services/cloud';
import { Outbox, type GateDecision, type OutboxAlert, type OutboxDeps, type OutboxItem } from '../../../../main/services/outbox';
import { DataStore } from '../../../../main/services/store';
import { createWebhookReceiver, type WebhookReceiver } from '../../../../main/services/webhook';
import { startCloudEmulator, type CloudEmulator, type CloudEmulatorOptions } from '../../../../tools/cloud-emulator';

/** Everything a test needs, plus the records of callbacks. */
export interface Rig {
  emulator: CloudEmulator;
  store: DataStore;
  outbox: Outbox;
  receiver: WebhookReceiver;
  dir: string;
  alerts: OutboxAlert[];
  changes: OutboxItem[];
  stopped: string[];
  undeliverable: string[];
  gateCalls: string[];
  /** Replace to refuse some items. */
  gate: (item: OutboxItem) => Promise<GateDecision>;
  /** Closes the outbox's store and opens it again (same folder), as after a restart. */
  reopen(extra?: Partial<OutboxDeps>): Promise<Outbox>;
  close(): Promise<void>;
}

/** Fast test timings: milliseconds instead of seconds. */
export const FAST: Partial<OutboxDeps> = {
  backoffBaseMs: 20,
  backoffMaxMs: 200,
  pairRetryUnitMs: 5,
  offlineProbeMaxMs: 100,
  maxAttempts: 5,
};

/** Starts the rig; the receiver feeds status webhooks to the outbox. */
export async function startRig(options: { emulator?: CloudEmulatorOptions; outbox?: Partial<OutboxDeps>; webhooks?: boolean } = {}): Promise<Rig> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'outbox-test-'));
  let outbox: Outbox | undefined;
  const rig = {
    alerts: [] as OutboxAlert[],
    changes: [] as OutboxItem[],
    stopped: [] as string[],
    undeliverable: [] as string[],
    gateCalls: [] as string[],
    gate: async (): Promise<GateDecision> => ({ ok: true }),
  } as unknown as Rig;
  const receiver = createWebhookReceiver({
    verifyToken: 'verify',
    getAppSecret: () => rig.emulator.appSecret,
    onPayload: async (batch) => {
      for (const event of batch.events) if (event.kind === 'status' && outbox) await outbox.applyStatus(event);
    },
  });
  const { url: webhookUrl } = await receiver.start();
  const emulator = await startCloudEmulator({
    pairIntervalMs: 0,
    throughputPerSecond: 0,
    statusDelays: { sent: 5, delivered: 10, read: 15 },
    ...options.emulator,
    webhookUrl: options.webhooks === false ? null : webhookUrl,
  });
  const client = createCloudClient({
    baseUrl: emulator.url,
    phoneNumberId: emulator.phoneNumberId,
    wabaId: emulator.wabaId,
    getAccessToken: () => emulator.accessToken,
    timeoutMs: 5000,
  });
  const open = async (extra: Partial<OutboxDeps> = {}): Promise<Outbox> => {
    rig.store = await DataStore.open({ dir: path.join(dir, 'data') });
    outbox = await Outbox.open({
      store: rig.store,
      client,
      gate: async (item) => {
        rig.gateCalls.push(item.id);
        return rig.gate(item);
      },
      throughputPerSecond: 1000,
      pairIntervalMs: 0,
      ...FAST,
      ...options.outbox,
      ...extra,
      onChange: (item) => rig.changes.push(item),
      onAlert: (alert) => rig.alerts.push(alert),
      onUserStoppedMarketing: (s) => void rig.stopped.push(s.contactId),
      onUndeliverable: (s) => void rig.undeliverable.push(s.contactId),
    });
    rig.outbox = outbox;
    return outbox;
  };
  Object.assign(rig, { emulator, receiver, dir });
  rig.reopen = async (extra) => {
    await rig.outbox.stop();
    await rig.store.close();
    return open(extra);
  };
  rig.close = async () => {
    await rig.outbox.stop();
    await rig.store.close();
    await emulator.close();
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  };
  await open();
  return rig;
}

let counter = 0;

/** A distinct valid recipient (+1555… numbers). */
export function recipient(): string {
  counter += 1;
  return `+1555${String(1_000_000 + counter).slice(-7)}`;
}

/** A utility template item to `to` (hello_world has no parameters). */
export function templateItem(to = recipient(), extra: Record<string, unknown> = {}) {
  return {
    contactId: `c-${to}`,
    to,
    kind: 'template' as const,
    template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' as const, components: [] },
    purpose: 'utility' as const,
    origin: 'notification' as const,
    ...extra,
  };
}

/** Polls until `check` is true (webhooks arrive asynchronously). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many times the emulator accepted each outbox id. */
export function sentCounts(emulator: CloudEmulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of emulator.control.sent()) {
    const key = record.bizOpaqueCallbackData ?? '(none)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
