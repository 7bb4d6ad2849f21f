import { describe, expect, it } from 'vitest';
import { deriveConsent, USER_PREFERENCES_SOURCE } from '../../../../shared/domain/consent';
import { chain, DAY, MIN, T0, iso, type Step } from './helpers';

const NOW = T0 + 30 * DAY;
const derive = (steps: Step[], now = NOW, extra = {}) => deriveConsent(chain(steps), { now, ...extra });

describe('deriveConsent: basic transitions', () => {
  it('starts at none for both purposes', () => {
    expect(deriveConsent([], { now: NOW })).toEqual({
      marketing: { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false },
      utility: { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false },
    });
  });

  it('goes pending on a request and opted_in on confirmation, per purpose', () => {
    const events = chain([
      { type: 'requested', method: 'sms_double_opt_in', at: T0 },
      { type: 'confirmed', method: 'sms_double_opt_in', at: T0 + DAY },
      { type: 'welcomed', at: T0 + DAY + MIN },
    ]);
    const pending = deriveConsent(events.slice(0, 1), { now: T0 + DAY });
    expect(pending.marketing).toMatchObject({ state: 'pending', since: iso(T0), method: 'sms_double_opt_in', pendingExpiresAt: iso(T0 + 7 * DAY) });
    const derived = deriveConsent(events, { now: NOW });
    expect(derived.marketing).toMatchObject({ state: 'opted_in', since: iso(T0 + DAY), method: 'sms_double_opt_in', lastEventId: events[2]!.id, confirmedAt: iso(T0 + DAY) });
    expect(derived.marketing.pendingExpiresAt).toBeUndefined();
    expect(derived.utility.state).toBe('none');
  });

  it('lets single opt-in methods confirm straight from none', () => {
    expect(derive([{ type: 'confirmed', method: 'in_person', purpose: 'utility', at: T0 }]).utility.state).toBe('opted_in');
  });

  it('expires a pending request after the configured days even without an expired event', () => {
    const steps: Step[] = [{ type: 'requested', method: 'sms_double_opt_in', at: T0 }];
    expect(derive(steps, T0 + 7 * DAY - 1).marketing.state).toBe('pending');
    expect(derive(steps, T0 + 7 * DAY).marketing).toMatchObject({ state: 'none', since: iso(T0 + 7 * DAY) });
    expect(derive(steps, T0 + 2 * DAY, { pendingExpiryDays: 1 }).marketing.state).toBe('none');
    expect(derive([...steps, { type: 'expired', at: T0 + DAY }], T0 + 2 * DAY).marketing.state).toBe('none');
  });

  it('a request never downgrades an opt-in or lifts an opt-out', () => {
    expect(derive([{ type: 'confirmed', at: T0 }, { type: 'requested', at: T0 + DAY }]).marketing.state).toBe('opted_in');
    expect(derive([{ type: 'revoked', at: T0 }, { type: 'requested', at: T0 + DAY }]).marketing.state).toBe('opted_out');
  });

  it('does not depend on the order events are stored in', () => {
    const events = chain([
      { type: 'confirmed', at: T0 },
      { type: 'revoked', at: T0 + DAY },
      { type: 'confirmed', method: 'import', at: T0 + 2 * DAY },
    ]);
    expect(deriveConsent([...events].reverse(), { now: NOW })).toEqual(deriveConsent(events, { now: NOW }));
  });
});

describe('deriveConsent: revocation wins', () => {
  it('opts out, and a later explicit customer confirmation reopens', () => {
    const steps: Step[] = [{ type: 'confirmed', at: T0 }, { type: 'revoked', at: T0 + DAY }];
    expect(derive(steps).marketing).toMatchObject({ state: 'opted_out', since: iso(T0 + DAY) });
    expect(derive([...steps, { type: 'confirmed', method: 'whatsapp_keyword', at: T0 + 2 * DAY }]).marketing.state).toBe('opted_in');
  });

  it.each(['import', 'staff'] as const)('a %s confirmation never reopens', (method) => {
    const derived = derive([{ type: 'confirmed', at: T0 }, { type: 'revoked', at: T0 + DAY }, { type: 'confirmed', method, at: T0 + 2 * DAY }]);
    expect(derived.marketing).toMatchObject({ state: 'opted_out', since: iso(T0 + DAY) });
  });

  it("the customer's own account-page switch (in_app_toggle, a JOIN they sent) reopens like any explicit act", () => {
    const derived = derive([{ type: 'confirmed', at: T0 }, { type: 'revoked', at: T0 + DAY }, { type: 'confirmed', method: 'in_app_toggle', at: T0 + 2 * DAY }]);
    expect(derived.marketing).toMatchObject({ state: 'opted_in', method: 'in_app_toggle' });
  });

  it('a revocation of someone never opted in still blocks a later import', () => {
    expect(derive([{ type: 'revoked', at: T0 }, { type: 'confirmed', method: 'import', at: T0 + DAY }]).marketing.state).toBe('opted_out');
  });

  it('wins ties on the same timestamp, whichever was recorded first', () => {
    expect(derive([{ type: 'confirmed', at: T0 }, { type: 'revoked', at: T0 }]).marketing.state).toBe('opted_out');
    expect(derive([{ type: 'revoked', at: T0 }, { type: 'confirmed', at: T0 }]).marketing.state).toBe('opted_out');
  });

  it('a confirmation recorded after a revocation but given before it does not reopen', () => {
    expect(derive([{ type: 'revoked', at: T0 + DAY }, { type: 'confirmed', method: 'in_person', at: T0 }]).marketing.state).toBe('opted_out');
  });

  it('an offline till that never saw the opt-out cannot undo it, whatever its clock says', () => {
    const [base, ...rest] = chain([{ type: 'confirmed', at: T0 }, { type: 'revoked', at: T0 + DAY }]);
    const tillB = chain([{ type: 'confirmed', method: 'in_person', at: T0 + 10 * DAY }], { firstId: 50, prev: base, deviceId: 'till-2' });
    expect(deriveConsent([base!, ...rest, ...tillB], { now: NOW }).marketing.state).toBe('opted_out');
    // Once till B has synced and seen the revocation, a new explicit opt-in there supersedes it and reopens.
    const afterSync = chain([{ type: 'confirmed', method: 'in_person', at: T0 + 11 * DAY }], { firstId: 60, prev: rest[0], deviceId: 'till-2' });
    expect(deriveConsent([base!, ...rest, ...tillB, ...afterSync], { now: NOW }).marketing.state).toBe('opted_in');
  });

  it('a confirmation must supersede every open revocation, including one from another till', () => {
    for (const [aAt, bAt] of [[T0 + DAY, T0 + 2 * DAY], [T0 + 2 * DAY, T0 + DAY]] as const) {
      const [base] = chain([{ type: 'confirmed', at: T0 }]);
      const tillA = chain([{ type: 'revoked', at: aAt }, { type: 'confirmed', at: T0 + 3 * DAY }], { firstId: 10, prev: base });
      const tillB = chain([{ type: 'revoked', at: bAt }], { firstId: 20, prev: base, deviceId: 'till-2' });
      expect(deriveConsent([base!, ...tillA, ...tillB], { now: NOW }).marketing.state).toBe('opted_out');
    }
  });

  it('marks a stop made inside WhatsApp (user_preferences)', () => {
    const derived = derive([{ type: 'confirmed', at: T0 }, { type: 'revoked', method: 'whatsapp_button', source: USER_PREFERENCES_SOURCE, at: T0 + DAY }]);
    expect(derived.marketing).toMatchObject({ state: 'opted_out', stoppedInWhatsApp: true });
  });
});

describe('deriveConsent: bounce and staleness', () => {
  it('a bounce blocks both purposes until the customer confirms again', () => {
    const steps: Step[] = [{ type: 'confirmed', at: T0 }, { type: 'confirmed', purpose: 'utility', at: T0 }, { type: 'bounced', at: T0 + DAY }];
    const bounced = derive(steps);
    expect(bounced.marketing).toMatchObject({ state: 'opted_in', bounced: true });
    expect(bounced.utility.bounced).toBe(true);
    expect(derive([...steps, { type: 'confirmed', method: 'import', at: T0 + 2 * DAY }]).utility.bounced).toBe(true);
    const cleared = derive([...steps, { type: 'confirmed', method: 'sms_keyword', purpose: 'utility', at: T0 + 2 * DAY }]);
    expect(cleared.marketing.bounced).toBe(false);
  });

  it('flags an opt-in for reconfirmation after 12 months without confirmation or activity', () => {
    const steps: Step[] = [{ type: 'confirmed', at: T0 }];
    const yearLater = Date.parse('2026-01-01T00:00:00.000Z');
    expect(derive(steps, yearLater - 1).marketing.needsReconfirmation).toBe(false);
    expect(derive(steps, yearLater).marketing.needsReconfirmation).toBe(true);
    expect(derive(steps, yearLater, { lastActivityAt: iso(yearLater - DAY) }).marketing.needsReconfirmation).toBe(false);
    expect(derive(steps, T0 + 200 * DAY, { staleAfterMonths: 6 }).marketing.needsReconfirmation).toBe(true);
    expect(derive([...steps, { type: 'confirmed', at: yearLater - DAY }], yearLater).marketing).toMatchObject({
      needsReconfirmation: false,
      since: iso(T0),
      confirmedAt: iso(yearLater - DAY),
    });
  });
});
