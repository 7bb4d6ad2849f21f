import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignItemId, dryRun, reachedInWindow, type AudienceContact, type CampaignAudience } from '../../../../shared/domain/campaigns';
import type { PurposeConsent } from '../../../../shared/domain/consent/state';

const NOW = Date.UTC(2026, 10, 20, 12);
const none: PurposeConsent = { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false };
const optedIn: PurposeConsent = { ...none, state: 'opted_in', method: 'in_person' };
const weekly = {
  name: 'weekly_offer',
  language: 'en_US',
  category: 'MARKETING' as const,
  parameter_format: 'NAMED',
  components: [{ type: 'BODY', text: 'Hi {{first_name}}, this week: {{offer}}.' }],
};
const mapping = { 'body.first_name': { kind: 'field' as const, field: 'name' as const, fallback: 'there' }, 'body.offer': { kind: 'text' as const, text: '2x1 bread' } };
const audience: CampaignAudience = { purpose: 'marketing', tags: ['vip'], filters: {} };

let n = 0;
function contact(over: Partial<AudienceContact> & { marketing?: Partial<PurposeConsent>; utility?: Partial<PurposeConsent> } = {}): AudienceContact {
  n += 1;
  const { marketing, utility, ...rest } = over;
  return {
    id: `c${n}`,
    name: `Customer ${n}`,
    phone: `+346000${String(n).padStart(5, '0')}`,
    tags: ['vip'],
    lastInboundAt: null,
    derived: { marketing: { ...optedIn, ...marketing }, utility: { ...none, ...utility } },
    ...rest,
  };
}

const run = (contacts: AudienceContact[], tier: '250' | 'unlimited' = 'unlimited', reached = new Set<string>()) =>
  dryRun({ contacts, audience, template: weekly, mapping, now: NOW, limit: { tier, reached } });

describe('campaign dry run', () => {
  it('skips each contact with the gate’s reason and counts what will be sent', () => {
    const ok = contact();
    const optedOut = contact({ marketing: { state: 'opted_out' } });
    const stopped = contact({ marketing: { state: 'opted_out', stoppedInWhatsApp: true } });
    const utilityOnly = contact({ marketing: { state: 'none' }, utility: { state: 'opted_in' } });
    const pending = contact({ marketing: { state: 'pending' } });
    const bounced = contact({ marketing: { bounced: true } });
    const us = contact({ phone: '+16505550123' });
    const otherTag = contact({ tags: ['staff'] });
    const result = run([ok, optedOut, stopped, utilityOnly, pending, bounced, us, otherTag]);
    expect(result.send.map((r) => r.contactId)).toEqual([ok.id]);
    expect(result.send[0]!.values).toEqual({ 'body.first_name': ok.name, 'body.offer': '2x1 bread' });
    expect(Object.fromEntries(result.skipped.map((s) => [s.contactId, s.reason]))).toEqual({
      [optedOut.id]: 'opted_out',
      [stopped.id]: 'user_stopped_marketing',
      [utilityOnly.id]: 'no_consent',
      [pending.id]: 'pending',
      [bounced.id]: 'bounced',
      [us.id]: 'marketing_blocked_country',
    });
    expect(result.counts).toMatchObject({ audience: 7, send: 1, skipped: 6 });
    expect(result.counts.byReason.opted_out).toBe(1);
  });

  it('uses the fallback for an empty name and skips when a slot would stay empty', () => {
    const noName = contact({ name: '' });
    const noFallback = dryRun({
      contacts: [contact({ name: ' ' })],
      audience,
      template: weekly,
      mapping: { ...mapping, 'body.first_name': { kind: 'field', field: 'name' } },
      now: NOW,
      limit: { tier: 'unlimited', reached: new Set() },
    });
    expect(run([noName]).send[0]!.values['body.first_name']).toBe('there');
    expect(noFallback.skipped[0]).toMatchObject({ reason: 'missing_parameter', detail: 'body.first_name' });
  });

  it('stops at the messaging-limit budget; numbers already reached and open windows are free', () => {
    const reached = new Set(Array.from({ length: 248 }, (_, i) => `+3470000${String(i).padStart(4, '0')}`));
    const again = contact();
    reached.add(again.phone);
    const inWindow = contact({ lastInboundAt: new Date(NOW - 3600_000).toISOString() });
    const fresh = [contact(), contact(), contact()];
    const result = run([again, inWindow, ...fresh], '250', reached);
    // 250 − 249 already reached = 1 new customer left.
    expect(result.send.map((r) => r.contactId)).toEqual([again.id, inWindow.id, fresh[0]!.id]);
    expect(result.skipped.map((s) => [s.contactId, s.reason])).toEqual([
      [fresh[1]!.id, 'over_messaging_limit'],
      [fresh[2]!.id, 'over_messaging_limit'],
    ]);
    expect(result.budget).toEqual({ tier: '250', limit: 250, used: 249, remaining: 1, consumes: 1 });
  });

  it('never sends more new customers than the budget leaves (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), fc.nat(260), (inWindow, used) => {
        const reached = new Set(Array.from({ length: used }, (_, i) => `+3471${String(i).padStart(6, '0')}`));
        const contacts = inWindow.map((open) => contact({ lastInboundAt: open ? new Date(NOW - 60_000).toISOString() : null }));
        const result = run(contacts, '250', reached);
        const newOnes = result.send.filter((r) => !contacts.find((c) => c.id === r.contactId)!.lastInboundAt).length;
        expect(newOnes).toBeLessThanOrEqual(Math.max(0, 250 - used));
        expect(result.send.length + result.skipped.length).toBe(contacts.length);
      }),
      { numRuns: 50 },
    );
  });

  it('filters the audience by tag, consent state, method and country', () => {
    const a = contact({ tags: ['vip', 'bakery'] });
    const b = contact({ tags: ['other'] });
    const c = contact({ marketing: { state: 'opted_in', method: 'import' } });
    const d = contact({ phone: '+447400123456' });
    const base = { template: weekly, mapping, now: NOW, limit: { tier: 'unlimited' as const, reached: new Set<string>() } };
    const ids = (aud: CampaignAudience) => dryRun({ ...base, contacts: [a, b, c, d], audience: aud }).send.map((r) => r.contactId);
    expect(ids({ purpose: 'marketing', tags: [], filters: {} })).toEqual([a.id, b.id, c.id, d.id]);
    expect(ids({ purpose: 'marketing', tags: ['bakery', 'other'], filters: {} })).toEqual([a.id, b.id]);
    expect(ids({ purpose: 'marketing', tags: [], filters: { method: 'import' } })).toEqual([c.id]);
    expect(ids({ purpose: 'marketing', tags: [], filters: { country: 'GB' } })).toEqual([d.id]);
    expect(ids({ purpose: 'marketing', tags: [], filters: { state: 'opted_out' } })).toEqual([]);
  });
});

describe('messaging-limit window and item ids', () => {
  it('counts unique template recipients of the last 24 h that were not skipped or failed', () => {
    const at = NOW - 3600_000;
    const reached = reachedInWindow(
      [
        { to: '+1', kind: 'template', state: 'delivered', createdAt: at },
        { to: '+1', kind: 'template', state: 'read', createdAt: at },
        { to: '+2', kind: 'template', state: 'queued', createdAt: at },
        { to: '+3', kind: 'template', state: 'skipped', createdAt: at },
        { to: '+4', kind: 'template', state: 'failed', createdAt: at },
        { to: '+5', kind: 'text', state: 'read', createdAt: at },
        { to: '+6', kind: 'template', state: 'read', createdAt: NOW - 25 * 3600_000 },
      ],
      NOW,
    );
    expect([...reached].sort()).toEqual(['+1', '+2']);
  });

  it('derives the same valid ULID for the same campaign and contact, different ones otherwise', () => {
    const campaign = '01JD0000000000000000000000';
    const id = campaignItemId(campaign, 'c1');
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(id.startsWith(campaign.slice(0, 10))).toBe(true);
    expect(campaignItemId(campaign, 'c1')).toBe(id);
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => campaignItemId(campaign, `c${i}`)));
    expect(ids.size).toBe(5000);
    expect(campaignItemId('01JE0000000000000000000000', 'c1')).not.toBe(id);
  });
});

describe('campaign dry run: free-form texts ask the send policy', () => {
  it('skips a customer whose latest message was STOP, and sends to one who wrote again after it', () => {
    const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
    const stoppedLast = contact({ lastInboundAt: minutesAgo(5), lastStopAt: minutesAgo(5) });
    const wroteAgain = contact({ lastInboundAt: minutesAgo(1), lastStopAt: minutesAgo(5) });
    const result = dryRun({ contacts: [stoppedLast, wroteAgain], audience, template: weekly, mapping, kind: 'session', now: NOW, limit: { tier: 'unlimited', reached: new Set() } });
    expect(result.skipped.map((s) => [s.contactId, s.reason])).toEqual([[stoppedLast.id, 'opted_out']]);
    expect(result.send.map((s) => s.contactId)).toEqual([wroteAgain.id]);
  });
});
