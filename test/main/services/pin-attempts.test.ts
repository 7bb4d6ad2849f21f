import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, lockoutMs, PinAttempts } from '../../../main/services/pin-attempts';
import { openSettings } from '../../../main/services/settings-store';
import { tempDir } from '../../support/temp-dir';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

/** PinAttempts on a real settings file, a clock that moves only when it "sleeps", and a PIN check that counts. */
async function setup() {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  let now = Date.parse('2026-12-06T09:00:00Z');
  const clock = { now: () => new Date(now), advance: (ms: number) => (now += ms) };
  const sleep = async (ms: number) => {
    now += ms;
  };
  const settings = await openSettings(tmp.dir);
  const attempts = new PinAttempts({ settings, now: clock.now, sleep });
  let verifications = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const check = (right: boolean) => async () => {
    verifications++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    return right;
  };
  return { tmp, clock, sleep, attempts, check, counts: () => ({ verifications, maxInFlight }) };
}

describe('PIN attempts', () => {
  it('runs parallel attempts one at a time and stops verifying once locked out', async () => {
    const s = await setup();
    const settled = await Promise.allSettled(Array.from({ length: 64 }, () => s.attempts.attempt(s.check(false))));
    expect(s.counts()).toEqual({ verifications: 5, maxInFlight: 1 });
    expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(60);
  });

  it('doubles the lockout each time five more wrong PINs follow, up to a day', async () => {
    const s = await setup();
    const lockouts: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) {
        await s.attempts.attempt(s.check(false)).catch((error: { retryAfterSeconds: number }) => lockouts.push(error.retryAfterSeconds));
      }
      s.clock.advance(lockouts.at(-1)! * 1000);
    }
    expect(lockouts).toEqual([60, 120, 240]);
    expect(lockoutMs(5 * 20)).toBe(24 * 3600_000);
    expect([1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('a right PIN clears the count, so an owner who mistypes now and then is never locked out', async () => {
    const s = await setup();
    for (let round = 0; round < 4; round++) {
      expect(await s.attempts.attempt(s.check(false))).toBe(false);
      expect(await s.attempts.attempt(s.check(false))).toBe(false);
      expect(await s.attempts.attempt(s.check(true))).toBe(true);
    }
    expect(s.attempts.state()).toEqual({ failures: 0, lockedUntil: null });
  });

  it('keeps count across a reopen of the settings file, so restarting between guesses does not help', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) await s.attempts.attempt(s.check(false));
    const reopened = new PinAttempts({ settings: await openSettings(s.tmp.dir), now: s.clock.now, sleep: s.sleep });
    expect(reopened.state().failures).toBe(4);
    await expect(reopened.attempt(s.check(false))).rejects.toMatchObject({ code: 'pin_locked_out', retryAfterSeconds: 60 });
    expect(reopened.lockedForSeconds()).toBe(60);
  });

  it('does not turn a clock set back by months into a months-long lockout', async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await s.attempts.attempt(s.check(false)).catch(() => undefined);
    s.clock.advance(-90 * 24 * 3600_000);
    expect(s.attempts.lockedForSeconds()).toBe(24 * 3600);
  });
});
