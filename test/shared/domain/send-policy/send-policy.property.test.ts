import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refreshForTime as storedRefresh } from '../../../../main/services/consent/contact-record';
import type { ConsentEvent } from '../../../../shared/domain/consent/event';
import { deriveConsent, type ConsentState, type DerivedConsent, type PurposeConsent } from '../../../../shared/domain/consent/state';
import {
  addMonthsUtc,
  decideSend,
  freeFormOpenUntil,
  keywordPlan,
  purposeForCategory,
  purposeForTemplate,
  SERVICE_WINDOW_MS,
  TEMPLATE_CATEGORIES,
  type PolicyContact,
} from '../../../../shared/domain/send-policy';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const states: ConsentState[] = ['none', 'pending', 'opted_in', 'opted_out'];

const purposeConsent: fc.Arbitrary<PurposeConsent> = fc.record({
  state: fc.constantFrom(...states),
  since: fc.constant(new Date(T0).toISOString()),
  bounced: fc.boolean(),
  needsReconfirmation: fc.boolean(),
  stoppedInWhatsApp: fc.boolean(),
});
const derived: fc.Arbitrary<DerivedConsent> = fc.record({ marketing: purposeConsent, utility: purposeConsent });
const instant = fc.integer({ min: T0, max: T0 + 60 * DAY });
const maybeIso = fc.option(instant.map((ms) => new Date(ms).toISOString()), { nil: null });
const contact: fc.Arbitrary<PolicyContact> = fc.record({
  phone: fc.constantFrom('+34600000001', '+16505550003', '+447400123456'),
  derived,
  lastInboundAt: maybeIso,
  lastStopAt: maybeIso,
});
const category = fc.constantFrom(...TEMPLATE_CATEGORIES);

/** A confirmed in-person opt-in at `at`, as the ledger stores it. */
function optInAt(at: number): ConsentEvent[] {
  return [{ id: '01J0000000000000000000000A', type: 'confirmed', purpose: 'utility', method: 'in_person', source: 'counter', occurredAt: new Date(at).toISOString() } as unknown as ConsentEvent];
}

describe('send policy: the 12-month refresh is one rule', () => {
  it('the ledger’s derivation and the later refresh of a stored record agree at every instant (29 February included)', () => {
    const leapDay = Date.UTC(2024, 1, 29, 12);
    fc.assert(
      fc.property(fc.oneof(fc.constant(leapDay), fc.integer({ min: T0, max: T0 + 800 * DAY })), fc.integer({ min: 0, max: 800 * DAY }), (confirmedAt, later) => {
        const now = confirmedAt + later;
        const fresh = deriveConsent(optInAt(confirmedAt), { now }).utility;
        // Stored when written, refreshed on read: the contacts list, the gate and the dry run read it so.
        const stored = deriveConsent(optInAt(confirmedAt), { now: confirmedAt }).utility;
        expect(storedRefresh(stored, now, null).needsReconfirmation).toBe(fresh.needsReconfirmation);
      }),
      { numRuns: 500 },
    );
  });

  it('asks again from the same calendar day a year later (29 Feb 2024 → 28 Feb 2025, 12:00 UTC)', () => {
    const stored = deriveConsent(optInAt(Date.UTC(2024, 1, 29, 12)), { now: Date.UTC(2024, 1, 29, 12) }).utility;
    expect(addMonthsUtc(Date.UTC(2024, 1, 29, 12), 12)).toBe(Date.UTC(2025, 1, 28, 12));
    expect(storedRefresh(stored, Date.UTC(2025, 1, 28, 11, 59), null).needsReconfirmation).toBe(false);
    expect(storedRefresh(stored, Date.UTC(2025, 1, 28, 12), null).needsReconfirmation).toBe(true);
    expect(deriveConsent(optInAt(Date.UTC(2024, 1, 29, 12)), { now: Date.UTC(2025, 1, 28, 12) }).utility.needsReconfirmation).toBe(true);
  });
});

describe('send policy: templates', () => {
  it('never sends a template without opted_in consent for the purpose its category needs, nor marketing where Meta blocks it', () => {
    fc.assert(
      fc.property(contact, category, instant, (c, cat, now) => {
        const decision = decideSend(c, { kind: 'template', category: cat }, { now, blocked: (phone) => phone.startsWith('+1') });
        const consent = c.derived[purposeForCategory(cat)];
        if (decision.ok) {
          expect(consent.state).toBe('opted_in');
          expect(consent.bounced).toBe(false);
          if (cat === 'MARKETING') expect(c.phone.startsWith('+1')).toBe(false);
        } else if (consent.state === 'opted_in' && !consent.bounced && !(cat === 'MARKETING' && c.phone.startsWith('+1'))) {
          throw new Error(`refused with consent: ${decision.reason}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a revocation being recorded refuses every message of its purpose, the welcome included when it covers all', () => {
    fc.assert(
      fc.property(contact, category, instant, fc.boolean(), (c, cat, now, welcome) => {
        const purpose = purposeForCategory(cat);
        const held = { ...c, held: { revoking: welcome ? (['marketing', 'utility'] as const) : [purpose], bouncing: false } };
        expect(decideSend(held, { kind: 'template', category: cat, welcome }, { now }).ok).toBe(false);
        const bouncing = { ...c, held: { revoking: [], bouncing: true } };
        expect(decideSend(bouncing, { kind: 'template', category: cat, welcome }, { now }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('maps categories to purposes in one place, whatever the case', () => {
    fc.assert(
      fc.property(fc.constantFrom('MARKETING', 'marketing', 'Marketing', 'UTILITY', 'utility', 'AUTHENTICATION', 'other', ''), (value) => {
        expect(purposeForTemplate(value)).toBe(value.toUpperCase() === 'MARKETING' ? 'marketing' : 'utility');
      }),
    );
  });
});

describe('send policy: free-form texts', () => {
  it('a reply goes only inside the window of a customer message that was not a STOP; the unsubscribe reply needs only the window', () => {
    fc.assert(
      fc.property(contact, instant, (c, now) => {
        const inbound = c.lastInboundAt ? Date.parse(c.lastInboundAt) : undefined;
        const stop = c.lastStopAt ? Date.parse(c.lastStopAt) : undefined;
        const windowOpen = inbound !== undefined && inbound + SERVICE_WINDOW_MS > now;
        const stoppedLast = stop !== undefined && (inbound === undefined || stop >= inbound);
        const reply = decideSend(c, { kind: 'text', origin: 'reply' }, { now });
        expect(reply.ok).toBe(windowOpen && !stoppedLast);
        if (stoppedLast) expect(reply).toEqual({ ok: false, reason: 'opted_out', since: c.lastStopAt });
        expect(freeFormOpenUntil(c, now) !== undefined).toBe(reply.ok);
        expect(decideSend(c, { kind: 'text', origin: 'unsubscribe_ack' }, { now }).ok).toBe(windowOpen);
      }),
      { numRuns: 500 },
    );
  });
});

describe('send policy: keywords (every channel)', () => {
  it('STOP revokes and never confirms; START confirms and never revokes; only a first STOP is answered', () => {
    fc.assert(
      fc.property(derived, (d) => {
        const stop = keywordPlan('stop', d);
        const active = (['marketing', 'utility'] as const).filter((p) => d[p].state !== 'opted_out');
        expect(stop.confirm).toEqual([]);
        expect(stop.revoke.length).toBeGreaterThan(0);
        expect(stop.reply).toBe(active.length > 0 ? 'unsubscribe_ack' : null);
        const start = keywordPlan('start', d);
        expect(start.revoke).toEqual([]);
        expect(start.reply).toBeNull();
        const asked = (['marketing', 'utility'] as const).filter((p) => d[p].state === 'pending' || d[p].state === 'opted_out');
        for (const p of start.confirm) expect(asked.length === 0 ? d[p].state !== 'opted_in' : asked.includes(p)).toBe(true);
        expect(keywordPlan('help', d)).toEqual({ revoke: [], confirm: [], reply: 'help' });
      }),
      { numRuns: 300 },
    );
  });
});
