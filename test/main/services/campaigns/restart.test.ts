import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../../main/services/app-services';
import { campaignItemId } from '../../../../shared/domain/campaigns';
import { SECRET } from '../../../../main/services/connection/cloud-runtime';
import { DataStore } from '../../../../main/services/store';
import type { OutboxItem } from '../../../../main/services/outbox';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';
import { optedInSeeds, seedContacts, WEEKLY_MAPPING } from '../../../fixtures/campaign-contacts';
import { freePort, runTsChild, type ChildRun } from '../../../support/child-app';

const CHILD = path.resolve(import.meta.dirname, '../../../fixtures/campaign-child.ts');
const RECIPIENTS = 2000;

let emulator: CloudEmulator;
let dir: string;
let port: number;

/** The app in a child process, sending the campaign; ready once it is starting or running it. */
function runChild(campaignId: string): ChildRun {
  return runTsChild(CHILD, [path.join(dir, 'data'), campaignId], ['STARTING', 'READY']);
}

const campaignSent = () => emulator.control.sent().filter((m) => m.templateName === 'weekly_offer');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'campaign-restart-'));
  port = await freePort();
  emulator = await startCloudEmulator({
    throughputPerSecond: 0,
    pairIntervalMs: 0,
    statusDelays: { sent: 20, delivered: 40, read: null },
    webhookUrl: `http://127.0.0.1:${port}/webhook`,
    // Meta retries for days; here long enough to reach the restarted app.
    webhookRetries: 300,
    webhookRetryDelayMs: 100,
    // Capped, so a status that missed both app runs reaches the owner's within the wait below.
    webhookRetryMaxDelayMs: 400,
  });
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('campaign across an app restart', () => {
  it(`${RECIPIENTS} recipients, killed (SIGKILL) while queueing and while sending: nobody gets it twice; after the owner resends what stayed unknown, everyone has it exactly once`, async () => {
    // The shop, set up by an earlier run of the app: contacts, synced templates, a live connection to the emulator.
    const setup = await createAppServices({ dataDir: path.join(dir, 'data'), runtime: 'web-bridge', version: 'test' });
    await seedContacts(setup.ledger, optedInSeeds(RECIPIENTS, 'vip'));
    await setup.vault.set(SECRET.token, emulator.accessToken);
    await setup.vault.set(SECRET.appSecret, emulator.appSecret);
    await setup.vault.set(SECRET.verifyToken, 'verify');
    await setup.runtime.saveSettings({ mode: 'live', baseUrl: emulator.url, phoneNumberId: emulator.phoneNumberId, wabaId: emulator.wabaId, webhookPort: port, throughputPerSecond: 250 });
    await setup.templates.sync(setup.runtime.client());
    await setup.campaigns.setLimit('10000');
    const campaign = await setup.campaigns.create({
      name: 'Restart',
      template: { name: 'weekly_offer', language: 'en_US' },
      audience: { purpose: 'marketing', tags: ['vip'], filters: {} },
      mapping: WEEKLY_MAPPING,
    });
    await setup.close();

    // Killed right as it starts (planning or queueing), then mid-sending.
    const first = runChild(campaign.id);
    await Promise.race([first.ready, first.exit]);
    await new Promise((r) => setTimeout(r, 40));
    first.child.kill('SIGKILL');
    await first.exit;

    const second = runChild(campaign.id);
    const end = Date.now() + 30_000;
    while (campaignSent().length < 600 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(campaignSent().length, second.output()).toBeGreaterThanOrEqual(600);
    second.child.kill('SIGKILL');
    await second.exit;
    const atKill = campaignSent().length;
    expect(atKill).toBeLessThan(RECIPIENTS);

    const final = runChild(campaign.id);
    const code = await final.exit;
    expect(code, final.output()).toBe(0);
    expect(final.output()).toContain('DONE');

    const store = await DataStore.open({ dir: path.join(dir, 'data') });
    const items = (await store.collection<OutboxItem>('outbox')).all().filter((i) => i.campaignId === campaign.id);
    const stored = (await store.collection<{ id: string; status: string }>('campaigns')).get(campaign.id);
    await store.close();
    expect(stored?.status).toBe('completed');
    expect(items).toHaveLength(RECIPIENTS);
    // Each item's id is the one derived from campaign and contact: no second item for anyone.
    expect(new Set(items.map((i) => i.contactId)).size).toBe(RECIPIENTS);
    for (const item of items) expect(item.id).toBe(campaignItemId(campaign.id, item.contactId));

    const receipts = () => {
      const received = new Map<string, number>();
      for (const m of campaignSent()) received.set(`+${m.to}`, (received.get(`+${m.to}`) ?? 0) + 1);
      return received;
    };
    expect([...receipts()].filter(([, n]) => n > 1)).toEqual([]);
    for (const item of items) if (item.state !== 'unknown') expect(receipts().get(item.to), `${item.to} ${item.state}`).toBe(1);

    // The owner opens the app; late status webhooks reconcile what reached the API, and the owner sends again
    // what stayed unknown. Now everyone has it exactly once.
    const owner = await createAppServices({ dataDir: path.join(dir, 'data'), runtime: 'web-bridge', version: 'test', sandbox: { pairIntervalMs: 0 } });
    await new Promise((r) => setTimeout(r, 1500));
    const unknown = owner.messaging.outbox.list({ campaignId: campaign.id, state: 'unknown', limit: RECIPIENTS });
    // Only sends that were in flight at the kill can be unknown (the outbox never guesses).
    expect(unknown.length).toBeLessThanOrEqual(32);
    for (const item of unknown) expect(receipts().get(item.to) ?? 0).toBe(0);
    for (const item of unknown) await owner.messaging.outbox.resend(item.id, { confirmUnknown: true });
    await owner.messaging.outbox.settled();
    await owner.close();
    const after = receipts();
    expect(after.size).toBe(RECIPIENTS);
    expect([...after].filter(([, n]) => n !== 1)).toEqual([]);
    console.log(`campaign restart: ${atKill} received before the mid-send kill, ${unknown.length} unknown after restart (none had reached the API), ${after.size} received exactly once in the end`);
  }, 90_000);
});
