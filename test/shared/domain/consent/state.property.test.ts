import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_EVENT_TYPES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  deriveConsent,
  isCustomerExplicitMethod,
  type ConsentPurpose,
} from '../../../../shared/domain/consent';
import { chain, DAY, iso, newEvent, T0, testId, type Step } from './helpers';
import { sealEvent, type ConsentEvent } from '../../../../shared/domain/consent';

const HOUR = 3_600_000;
const NOW = T0 + 30 * DAY;
const NON_EXPLICIT = CONSENT_METHODS.filter((m) => !isCustomerExplicitMethod(m));
const EXPLICIT = CONSENT_METHODS.filter((m) => isCustomerExplicitMethod(m));

// Few distinct hours so that equal timestamps (ties) are common.
const stepArb: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...CONSENT_EVENT_TYPES),
  method: fc.constantFrom(...CONSENT_METHODS),
  purpose: fc.constantFrom(...CONSENT_PURPOSES),
  at: fc.nat(12).map((h) => T0 + h * HOUR),
});
const historyArb = fc.array(stepArb, { maxLength: 14 });
const purposeArb = fc.constantFrom(...CONSENT_PURPOSES);
const RUNS = { numRuns: 300 };

const stateOf = (steps: Step[], purpose: ConsentPurpose) => deriveConsent(chain(steps), { now: NOW })[purpose].state;

describe('derived consent properties (linear chains: causal order = recording order)', () => {
  it('opted_in only if every revocation is followed by a later explicit customer confirmation', () => {
    fc.assert(
      fc.property(historyArb, purposeArb, (steps, purpose) => {
        if (stateOf(steps, purpose) !== 'opted_in') return true;
        return steps.every(
          (r, i) =>
            r.type !== 'revoked' ||
            r.purpose !== purpose ||
            steps.some(
              (c, j) => j > i && c.type === 'confirmed' && c.purpose === purpose && isCustomerExplicitMethod(c.method!) && c.at > r.at,
            ),
        );
      }),
      RUNS,
    );
  });

  it('import, staff and in-app toggle confirmations never reopen a revocation', () => {
    const nonExplicitTail = fc.array(
      fc.record({
        type: fc.constantFrom(...CONSENT_EVENT_TYPES.filter((t) => t !== 'revoked')),
        method: fc.constantFrom(...NON_EXPLICIT),
        at: fc.nat(48).map((h) => T0 + h * HOUR),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(historyArb, purposeArb, fc.nat(24), nonExplicitTail, (steps, purpose, h, tail) => {
        const revoked: Step = { type: 'revoked', purpose, method: 'whatsapp_keyword', at: T0 + h * HOUR };
        return stateOf([...steps, revoked, ...tail.map((t) => ({ ...t, purpose }))], purpose) === 'opted_out';
      }),
      RUNS,
    );
  });

  it('revocation wins over a confirmation with the same timestamp, in either recording order', () => {
    fc.assert(
      fc.property(historyArb, purposeArb, fc.nat(12), fc.constantFrom(...CONSENT_METHODS), fc.boolean(), (steps, purpose, h, method, revokeFirst) => {
        const at = T0 + h * HOUR;
        const pair: Step[] = [
          { type: 'revoked', purpose, method: 'sms_keyword', at },
          { type: 'confirmed', purpose, method, at },
        ];
        return stateOf([...steps, ...(revokeFirst ? pair : pair.reverse())], purpose) === 'opted_out';
      }),
      RUNS,
    );
  });

  it('a later explicit customer confirmation always opts in (so the rules above are not vacuous)', () => {
    fc.assert(
      fc.property(historyArb, purposeArb, fc.constantFrom(...EXPLICIT), (steps, purpose, method) => {
        return stateOf([...steps, { type: 'confirmed', purpose, method, at: T0 + 13 * HOUR }], purpose) === 'opted_in';
      }),
      RUNS,
    );
  });

  it('once revoked, a purpose is only ever opted_out or opted_in', () => {
    fc.assert(
      fc.property(historyArb, purposeArb, (steps, purpose) => {
        fc.pre(steps.some((s) => s.type === 'revoked' && s.purpose === purpose));
        return ['opted_out', 'opted_in'].includes(stateOf(steps, purpose));
      }),
      RUNS,
    );
  });

  it('the stored order of events does not matter', () => {
    fc.assert(
      fc.property(historyArb.chain((steps) => fc.tuple(fc.constant(steps), fc.shuffledSubarray(chain(steps), { minLength: steps.length }))), ([steps, shuffled]) => {
        expect(deriveConsent(shuffled, { now: NOW })).toEqual(deriveConsent(chain(steps), { now: NOW }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('derived consent properties (several tills: events supersede any earlier event they had seen)', () => {
  /** Each event supersedes a random earlier one (or none): a tree of histories written on different machines. */
  const treeArb = fc.array(fc.tuple(stepArb, fc.nat()), { maxLength: 14 }).map((items) => {
    const events: ConsentEvent[] = [];
    items.forEach(([step, pick], i) => {
      const parent = i === 0 || pick % (i + 1) === i ? undefined : events[pick % i];
      events.push(sealEvent(newEvent(step), { prev: parent, id: testId(i + 1), recordedAt: iso(NOW), deviceId: 'till', deviceSeq: i + 1 }));
    });
    return events;
  });
  const descends = (events: ConsentEvent[], child: ConsentEvent, ancestor: ConsentEvent) => {
    const byId = new Map(events.map((e) => [e.id, e]));
    for (let id = child.supersedes; id !== null; id = byId.get(id)?.supersedes ?? null) if (id === ancestor.id) return true;
    return false;
  };

  it('opted_in only if every revocation is superseded by a later explicit customer confirmation', () => {
    fc.assert(
      fc.property(treeArb, purposeArb, (events, purpose) => {
        if (deriveConsent(events, { now: NOW })[purpose].state !== 'opted_in') return true;
        return events.every(
          (r) =>
            r.type !== 'revoked' ||
            r.purpose !== purpose ||
            events.some(
              (c) =>
                c.type === 'confirmed' &&
                c.purpose === purpose &&
                isCustomerExplicitMethod(c.method) &&
                Date.parse(c.occurredAt) > Date.parse(r.occurredAt) &&
                descends(events, c, r),
            ),
        );
      }),
      RUNS,
    );
  });
});
