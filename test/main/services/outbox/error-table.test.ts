import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipient, sentCounts, startRig, templateItem, until, type Rig } from './harness';

/**
 * The error table of docs/cloud-api.md, written out here independently of the client's own table, with what the
 * outbox must visibly do for each code when a send is answered with it.
 */
type Expected = 'stop' | 'retry_then_sent' | 'fail' | 'fail_undeliverable' | 'fail_stopped' | 'fail_resync' | 'fail_template_paused' | 'pause_campaigns' | 'retry_24h';
const TABLE: [number, number, Expected][] = [
  [0, 401, 'stop'],
  [190, 401, 'stop'],
  [4, 429, 'retry_then_sent'],
  [80007, 429, 'retry_then_sent'],
  [100, 400, 'fail'],
  [131008, 400, 'fail'],
  [131009, 400, 'fail'],
  [130429, 429, 'retry_then_sent'],
  [131056, 400, 'retry_then_sent'],
  [131000, 500, 'retry_then_sent'],
  [131016, 503, 'retry_then_sent'],
  [2, 503, 'retry_then_sent'],
  [131057, 503, 'retry_then_sent'],
  [131005, 403, 'stop'],
  [368, 403, 'stop'],
  [131031, 403, 'stop'],
  [131021, 400, 'fail'],
  [131026, 400, 'fail_undeliverable'],
  [131047, 400, 'fail'],
  [131048, 400, 'pause_campaigns'],
  [131049, 400, 'retry_24h'],
  [131050, 400, 'fail_stopped'],
  [132000, 400, 'fail'],
  [132012, 400, 'fail'],
  [132018, 400, 'fail'],
  [132001, 404, 'fail_resync'],
  [132015, 400, 'fail_template_paused'],
  [132016, 400, 'fail_template_paused'],
  [133010, 400, 'stop'],
];

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ outbox: { retryAfter24hMs: 24 * 3600_000 } });
  rig.outbox.start();
});
afterAll(() => rig.close());

const SENT = ['accepted', 'sent', 'delivered', 'read'];

describe('every code of the error table leads to the documented action', () => {
  it.each(TABLE)('code %i (HTTP %i) → %s', async (code, httpStatus, expected) => {
    const campaignId = `campaign-${code}`;
    rig.alerts.length = 0;
    rig.stopped.length = 0;
    rig.undeliverable.length = 0;
    rig.emulator.control.failNext(1, { code, httpStatus, pathIncludes: '/messages' });
    const before = Date.now();
    const [item] = await rig.outbox.enqueue([templateItem(recipient(), { campaignId, origin: 'campaign' })]);
    const id = item!.id;
    const state = () => rig.outbox.get(id)!.state;
    await until(() => state() !== 'queued' || rig.outbox.get(id)!.attempts > 0 || rig.outbox.status().paused !== undefined || rig.outbox.status().campaignsPaused !== undefined);
    await rig.outbox.drain();
    const sent = () => sentCounts(rig.emulator).get(id) ?? 0;

    switch (expected) {
      case 'stop':
        expect(rig.outbox.status().paused?.reason.code).toBe(code);
        expect(state()).toBe('queued');
        expect(rig.alerts.map((a) => a.kind)).toContain('paused');
        expect(sent()).toBe(0);
        await rig.outbox.resume();
        await until(() => SENT.includes(state()));
        break;
      case 'retry_then_sent':
        await until(() => SENT.includes(state()));
        expect(rig.outbox.get(id)!.attempts).toBe(2);
        break;
      case 'pause_campaigns':
        expect(rig.outbox.status().campaignsPaused?.reason.code).toBe(code);
        expect(state()).toBe('queued');
        expect(rig.alerts.map((a) => a.kind)).toContain('campaigns_paused');
        await rig.outbox.resume();
        await until(() => SENT.includes(state()));
        break;
      case 'retry_24h':
        expect(state()).toBe('queued');
        expect(rig.outbox.get(id)!.nextAttemptAt).toBeGreaterThanOrEqual(before + 24 * 3600_000);
        await rig.outbox.cancel(campaignId);
        break;
      default:
        expect(state()).toBe('failed');
        expect(rig.outbox.get(id)!.error?.code).toBe(code);
        expect(rig.outbox.get(id)!.attempts).toBe(1);
        if (expected === 'fail_undeliverable') expect(rig.undeliverable).toEqual([item!.contactId]);
        if (expected === 'fail_stopped') expect(rig.stopped).toEqual([item!.contactId]);
        if (expected === 'fail_resync') expect(rig.alerts).toContainEqual(expect.objectContaining({ kind: 'resync_templates', template: { name: 'hello_world', language: 'en_US' } }));
        if (expected === 'fail_template_paused') {
          expect(rig.outbox.status().pausedCampaigns.map((p) => p.campaignId)).toContain(campaignId);
          await rig.outbox.resume(campaignId);
        }
    }
    // Whatever happened, the message reached the API at most once.
    expect(sent()).toBeLessThanOrEqual(1);
    expect(rig.outbox.status().paused).toBeUndefined();
  });
});
