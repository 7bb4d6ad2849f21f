import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../../main/services/outbox/pacer';
import { backoffDelay } from '../../../../main/services/outbox';

/** Runs the pacer on a simulated clock whose timers fire up to `lateMs` late; returns the send times. */
function simulate(limit: number, seconds: number, lateness: () => number, pacer = new Pacer({ throughputPerSecond: limit, pairIntervalMs: 0 }), start = 1_000_000): number[] {
  const times: number[] = [];
  let t = start;
  const end = t + seconds * 1000;
  while (t < end) {
    const wait = pacer.waitForToken(t);
    if (wait === 0) {
      pacer.take(`r${times.length}`, t);
      times.push(t);
    } else t += wait + lateness();
  }
  return times;
}

/** The most sends in any window of one second (Meta's and the emulator's sliding count). */
function maxPerSecond(times: number[]): number {
  let best = 0;
  let head = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[head]! <= times[i]! - 1000) head++;
    best = Math.max(best, i - head + 1);
  }
  return best;
}

describe('Pacer', () => {
  it('never exceeds the limit in any one-second window and keeps at least 90 % of it, even with late timers', () => {
    fc.assert(
      fc.property(fc.constantFrom(20, 80, 250, 1000), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 1000 }), (limit, lateMax, seed) => {
        let s = seed;
        const lateness = () => {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          return s % (lateMax + 1);
        };
        const times = simulate(limit, 5, lateness);
        expect(maxPerSecond(times)).toBeLessThan(limit);
        expect(times.length / 5).toBeGreaterThanOrEqual(limit * (limit >= 80 ? 0.9 : 0.85));
      }),
      { numRuns: 40 },
    );
  });

  it('spaces one recipient by the pair interval (plus margin) and gives the slot back when a send is refused', () => {
    const pacer = new Pacer({ throughputPerSecond: 1000, pairIntervalMs: 6000 });
    expect(pacer.waitForRecipient('a', 0)).toBe(0);
    pacer.take('a', 0);
    expect(pacer.waitForRecipient('a', 1000)).toBeGreaterThanOrEqual(5000);
    expect(pacer.waitForRecipient('b', 1000)).toBe(0);
    pacer.releasePair('a', undefined);
    expect(pacer.waitForRecipient('a', 1000)).toBe(0);
  });

  it('slows down after a throughput error and recovers over time', () => {
    const pacer = new Pacer({ throughputPerSecond: 100, pairIntervalMs: 0 });
    pacer.take('x', 0);
    pacer.slowDown(0, 500);
    expect(pacer.waitForToken(0)).toBe(500);
    const firstSecond = simulate(100, 1, () => 0, pacer, 500).length;
    const unthrottled = new Pacer({ throughputPerSecond: 100, pairIntervalMs: 0 });
    unthrottled.take('x', 0);
    unthrottled.hold(500);
    const normalSecond = simulate(100, 1, () => 0, unthrottled, 500).length;
    // Slower than an unthrottled second right after the hold, then back to full pace.
    expect(firstSecond).toBeLessThan(normalSecond);
    const later = simulate(100, 1, () => 0, pacer, 20_000).length;
    expect(later).toBeGreaterThan(90);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and jitters within the upper half of each step', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(30, 1000, 60_000, () => 0)).toBe(30_000);
  });
});
