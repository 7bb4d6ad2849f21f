import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, dayOfWithOffset, lastDays, shiftDay } from '../../../../shared/domain/stats/days';

describe('local days', () => {
  it('puts an instant on the shop’s local calendar day', () => {
    const at = Date.parse('2025-03-10T23:30:00Z');
    expect(dayKey(at, 0)).toBe('2025-03-10');
    expect(dayKey(at, 60)).toBe('2025-03-11'); // Madrid in winter
    expect(dayKey(Date.parse('2025-03-11T03:00:00Z'), -300)).toBe('2025-03-10'); // New York
  });

  it('asks the offset at each instant, so daylight saving is honoured', () => {
    const offset = (ms: number) => (ms >= Date.parse('2025-03-30T01:00:00Z') ? 120 : 60);
    const dayOf = dayOfWithOffset(offset);
    expect(dayOf(Date.parse('2025-03-29T23:30:00Z'))).toBe('2025-03-30');
    expect(dayOf(Date.parse('2025-03-30T22:30:00Z'))).toBe('2025-03-31');
  });

  it('lists a window of days ending with the given day, across month and year ends', () => {
    expect(lastDays('2025-01-02', 4)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(lastDays('2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
  });

  it('shifting forth and back returns the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -400, max: 400 }), (d, n) => {
        const day = shiftDay('1990-01-01', d);
        return shiftDay(shiftDay(day, n), -n) === day && lastDays(day, 7).length === 7;
      }),
      { numRuns: 200 },
    );
  });
});
