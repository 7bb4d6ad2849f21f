import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causalOrder, CONSENT_EVENT_TYPES } from '../../../../shared/domain/consent';
import { testId, T0 } from './helpers';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('causalOrder', () => {
  it('orders a one-device history as it was written, whatever order it is handed in', () => {
    const history = fc.array(fc.record({ type: fc.constantFrom(...CONSENT_EVENT_TYPES), hour: fc.nat(4) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(history, fc.boolean(), (steps, fromUnknown) => {
        // Clocks may disagree with the chain (hours repeat and go back): the links decide, not the times.
        const events = steps.map((step, i) => ({
          id: testId(100 + i),
          type: step.type,
          occurredAt: iso(T0 + step.hour * HOUR),
          supersedes: i === 0 ? (fromUnknown ? testId(1) : null) : testId(99 + i),
        }));
        const shuffled = [...events].reverse();
        expect(causalOrder(events)).toEqual(events);
        expect(causalOrder(shuffled)).toEqual(events);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the general rules for histories that only look like a chain', () => {
    const at = iso(T0);
    // The first event claims the second as its parent: a cycle, appended by time and id.
    const cycle = [
      { id: testId(2), type: 'confirmed' as const, occurredAt: iso(T0 + HOUR), supersedes: testId(1) },
      { id: testId(1), type: 'revoked' as const, occurredAt: at, supersedes: testId(2) },
    ];
    expect(causalOrder(cycle).map((e) => e.id)).toEqual([testId(1), testId(2)]);
    // A repeated id is placed once, as before.
    const repeated = [
      { id: testId(5), type: 'confirmed' as const, occurredAt: at, supersedes: null },
      { id: testId(5), type: 'revoked' as const, occurredAt: at, supersedes: testId(5) },
    ];
    expect(causalOrder(repeated)).toHaveLength(1);
  });
});
