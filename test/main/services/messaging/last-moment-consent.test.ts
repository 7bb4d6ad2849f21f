/**
 * Issue 12 item 1: no request leaves the app after an opt-out has been acknowledged, whatever the network latency.
 * The real ledger, consent gate, messaging service, outbox and Cloud API client talk to the emulator through a
 * latency proxy, which records when each request left the app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../../../main/services/cloud';
import { ConsentLedger, type EventDraft } from '../../../../main/services/consent/ledger';
import { MessagingService, type MessagingDeps } from '../../../../main/services/messaging/messaging-service';
import { DataStore } from '../../../../main/services/store';
import { SANDBOX_TEMPLATES } from '../../../../main/services/connection/cloud-runtime';
import { defaultTemplates, startCloudEmulator } from '../../../../tools/cloud-emulator';
import { startLatencyProxy, type LatencyProxy, type ProxiedRequest } from '../../../support/latency-proxy';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The app's sending side, wired as in the app, behind a proxy that delays every request by `delayMs`. */
async function openShop(delayMs: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'last-moment-'));
  const store = await DataStore.open({ dir });
  const ledger = await ConsentLedger.open({ store, deviceId: 'test-till', now: () => new Date() });
  const emulator = await startCloudEmulator({
    pairIntervalMs: 0,
    throughputPerSecond: 0,
    webhookUrl: null,
    templates: [...defaultTemplates(), ...SANDBOX_TEMPLATES],
  });
  const proxy = await startLatencyProxy({ target: emulator.url, delayMs });
  const client = createCloudClient({
    baseUrl: proxy.url,
    phoneNumberId: emulator.phoneNumberId,
    wabaId: emulator.wabaId,
    getAccessToken: () => emulator.accessToken,
    timeoutMs: 20_000,
  });
  // Only what sending needs: the profile names the business, the runtime hands out the proxied client.
  const deps = {
    store,
    ledger,
    texts: {},
    profile: { get: () => ({ businessName: 'Panadería Lucía', locale: 'en', phoneDisplay: '+34 612 34 56 78' }) },
    runtime: { client: () => client },
    templates: { find: () => undefined },
    bus: { emit: () => undefined },
    now: () => new Date(),
    welcomeTemplate: () => ({ name: 'optin_welcome', language: 'en_US' }),
    throughputPerSecond: () => 1000,
    pairIntervalMs: 0,
  } as unknown as MessagingDeps;
  const messaging = await MessagingService.open(deps);
  messaging.start();
  cleanups.push(async () => {
    await messaging.stop();
    await ledger.close();
    await store.close();
    await proxy.close();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { ledger, messaging, proxy, emulator };
}

type Shop = Awaited<ReturnType<typeof openShop>>;

const at = () => new Date().toISOString();

function imported(purpose: 'utility' | 'marketing', row: number): EventDraft {
  return { type: 'confirmed', purpose, method: 'import', source: 'customers.csv', evidence: { fileName: 'customers.csv', row }, recordedBy: 'Marta', occurredAt: at() };
}

function stop(id: string): EventDraft[] {
  return (['marketing', 'utility'] as const).map((purpose) => ({
    type: 'revoked',
    purpose,
    method: 'whatsapp_keyword',
    source: 'whatsapp',
    evidence: { inboundMessageId: `wamid.in.${id}`, inboundBody: 'STOP', keyword: 'STOP' },
    recordedBy: 'system',
    occurredAt: at(),
  }));
}

/** Message requests that left the app for a number after that number's opt-out was acknowledged. */
function lateSends(proxy: LatencyProxy, acknowledged: Map<string, number>): ProxiedRequest[] {
  return proxy.requests().filter((r) => {
    const to = (r.body as { to?: string } | undefined)?.to;
    const ack = to === undefined ? undefined : acknowledged.get(`+${to}`);
    return r.path.endsWith('/messages') && ack !== undefined && r.leftAppAt > ack;
  });
}

/** Compact: which number, and how many ms after its opt-out was acknowledged the request left. */
function summary(late: ProxiedRequest[], acknowledged: Map<string, number>): string[] {
  return late.map((r) => {
    const to = `+${(r.body as { to: string }).to}`;
    return `${to} +${Math.round(r.leftAppAt - acknowledged.get(to)!)} ms`;
  });
}

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Opts `phones` out (STOP for both purposes) all at once; returns when each was acknowledged (performance.now()). */
async function optOutAll(shop: Shop, phones: string[]): Promise<Map<string, number>> {
  const acknowledged = new Map<string, number>();
  await Promise.all(
    phones.map(async (phone) => {
      const record = shop.ledger.findByPhone(phone)!;
      await shop.ledger.record(record.id, stop(record.id));
      acknowledged.set(phone, performance.now());
    }),
  );
  return acknowledged;
}

describe('the consent decision is made at the last moment (latency proxy)', () => {
  // 96 recipients, 32 requests on the wire at most: with any latency, most items wait after passing the early gate.
  for (const latency of [0, 300, 800, 1500]) {
    it(`sends nothing after an opt-out was acknowledged, with ${latency} ms of latency during a campaign`, async () => {
      const shop = await openShop(latency);
      const phones = Array.from({ length: 96 }, (_, i) => `+3460${String(1_000_000 + i).slice(-7)}`);
      for (const [i, phone] of phones.entries()) {
        const { record } = await shop.ledger.ensureContact({ phone, name: `Customer ${i}` });
        await shop.ledger.record(record.id, [imported('utility', i + 1)]);
      }
      const items = await shop.messaging.outbox.enqueue(
        phones.map((phone) => ({
          contactId: shop.ledger.findByPhone(phone)!.id,
          to: phone,
          kind: 'template' as const,
          template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' as const, components: [] },
          purpose: 'utility' as const,
          campaignId: 'campaign-1',
          origin: 'campaign' as const,
        })),
      );
      // Mid-run: as soon as the first request is on the wire, every recipient says STOP, the queue's tail first.
      await waitFor(() => shop.proxy.requests().some((r) => r.path.endsWith('/messages')));
      const acknowledged = await optOutAll(shop, [...phones].reverse());
      await shop.messaging.outbox.settled();

      expect(summary(lateSends(shop.proxy, acknowledged), acknowledged)).toEqual([]);
      const states = items.map((item) => shop.messaging.outbox.get(item.id)!.state);
      const refused = items.filter((item) => shop.messaging.outbox.get(item.id)!.state === 'skipped');
      for (const item of refused) expect(shop.messaging.outbox.get(item.id)!.error).toMatchObject({ action: 'consent_refused', message: 'opted_out' });
      // Each item either went before its recipient's STOP or was refused: none is left behind.
      expect(states.every((s) => s === 'skipped' || s === 'accepted')).toBe(true);
      if (latency >= 300) expect(refused.length).toBeGreaterThan(0);
    }, 30_000);
  }

  it('sends no welcome after an opt-in is immediately followed by an acknowledged opt-out', async () => {
    const shop = await openShop(0);
    const acknowledged = new Map<string, number>();
    const phones = Array.from({ length: 80 }, (_, i) => `+3461${String(1_000_000 + i).slice(-7)}`);
    // One walk-in after another: each opts in at the counter and says STOP the moment the opt-in is recorded.
    for (const [i, phone] of phones.entries()) {
      const { record } = await shop.ledger.ensureContact({ phone, name: `Walk-in ${i}` });
      await shop.ledger.record(record.id, [
        { type: 'confirmed', purpose: 'utility', method: 'in_person', source: 'counter', evidence: { staffMember: 'Marta' }, recordedBy: 'Marta', occurredAt: at() },
      ]);
      await shop.ledger.record(record.id, stop(record.id));
      acknowledged.set(phone, performance.now());
    }
    await waitFor(() => shop.messaging.outbox.list({ limit: 1000 }).length === phones.length);
    await shop.messaging.outbox.settled();
    expect(summary(lateSends(shop.proxy, acknowledged), acknowledged)).toEqual([]);
    const welcomes = shop.messaging.outbox.list({ limit: 1000 });
    expect(welcomes.every((w) => w.origin === 'welcome' && (w.state === 'skipped' || w.state === 'accepted'))).toBe(true);
  }, 30_000);
});
