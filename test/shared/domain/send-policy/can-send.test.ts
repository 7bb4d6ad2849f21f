/** canSend moved from consent/state.ts into the send policy; its tests came with it, unchanged. */
import { describe, expect, it } from 'vitest';
import type { DerivedConsent } from '../../../../shared/domain/consent/state';
import { canSend } from '../../../../shared/domain/send-policy';
import { DAY, MIN, T0, iso } from '../consent/helpers';

const NOW = T0 + 30 * DAY;

describe('canSend', () => {
  const base = (overrides: Partial<DerivedConsent['marketing']> = {}) => ({
    state: 'opted_in' as const,
    bounced: false,
    needsReconfirmation: false,
    stoppedInWhatsApp: false,
    ...overrides,
  });
  const derived = (marketing = base(), utility = base()): DerivedConsent => ({ marketing, utility });
  const template = { now: NOW, kind: 'template' as const, countryBlockedForMarketing: false };

  it('sends a template when the category’s purpose is opted in', () => {
    expect(canSend({ ...template, derived: derived(), templateCategory: 'MARKETING' })).toEqual({ ok: true });
  });

  it('maps the template category to a purpose', () => {
    const onlyUtility = derived(base({ state: 'none' }), base());
    expect(canSend({ ...template, derived: onlyUtility, templateCategory: 'MARKETING' })).toEqual({ ok: false, reason: 'no_consent' });
    expect(canSend({ ...template, derived: onlyUtility, templateCategory: 'UTILITY' })).toEqual({ ok: true });
    expect(canSend({ ...template, derived: onlyUtility, templateCategory: 'AUTHENTICATION' })).toEqual({ ok: true });
    expect(canSend({ ...template, derived: onlyUtility, templateCategory: 'UTILITY', purpose: 'marketing' })).toEqual({ ok: true });
  });

  it('gives the specific refusal reason', () => {
    const check = (marketing: DerivedConsent['marketing'], blocked = false) =>
      canSend({ ...template, derived: derived(marketing), templateCategory: 'MARKETING', countryBlockedForMarketing: blocked });
    expect(check(base({ state: 'opted_out' }))).toEqual({ ok: false, reason: 'opted_out' });
    expect(check(base({ state: 'opted_out', stoppedInWhatsApp: true }))).toEqual({ ok: false, reason: 'user_stopped_marketing' });
    expect(check(base({ state: 'pending' }))).toEqual({ ok: false, reason: 'pending' });
    expect(check(base({ bounced: true }))).toEqual({ ok: false, reason: 'bounced' });
    expect(check(base(), true)).toEqual({ ok: false, reason: 'marketing_blocked_country' });
  });

  it('does not apply the marketing country block to utility templates', () => {
    expect(canSend({ ...template, derived: derived(), templateCategory: 'UTILITY', countryBlockedForMarketing: true })).toEqual({ ok: true });
  });

  it('needs an open window for a session message, and nothing else', () => {
    const session = { derived: derived(base({ state: 'opted_out' })), kind: 'session' as const, purpose: 'marketing' as const, now: NOW, countryBlockedForMarketing: true };
    expect(canSend({ ...session, windowOpenUntil: NOW + MIN })).toEqual({ ok: true });
    expect(canSend({ ...session, windowOpenUntil: iso(NOW) })).toEqual({ ok: false, reason: 'window_closed' });
    expect(canSend(session)).toEqual({ ok: false, reason: 'window_closed' });
  });

  it('refuses a template check that names no purpose', () => {
    expect(() => canSend({ ...template, derived: derived() })).toThrow(/needs templateCategory or purpose/);
  });
});
