import { afterEach, describe, expect, it } from 'vitest';
import { OwnerSession } from '../../../main/services/owner-session';
import { openSettings } from '../../../main/services/settings-store';
import { tempDir } from '../../support/temp-dir';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

/** A clock that only moves when the code under test "sleeps": no real waiting, and every wait is recorded. */
function fakeTime(start = Date.parse('2026-12-06T09:00:00Z')) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

async function sessionWithPin(dir: string, time: ReturnType<typeof fakeTime>): Promise<OwnerSession> {
  const session = new OwnerSession(await openSettings(dir), time.now, { sleep: time.sleep });
  await session.setPin('2468');
  session.lock();
  return session;
}

/** Settles every call and sorts the outcomes: true/false answers and the codes of typed errors. */
async function outcomes(calls: Promise<boolean>[]) {
  const settled = await Promise.allSettled(calls);
  return {
    wrong: settled.filter((s) => s.status === 'fulfilled' && s.value === false).length,
    right: settled.filter((s) => s.status === 'fulfilled' && s.value === true).length,
    lockedOut: settled.filter((s) => s.status === 'rejected' && (s.reason as { code?: string }).code === 'pin_locked_out').length,
    firstError: settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason as
      | { code: string; retryAfterSeconds: number }
      | undefined,
  };
}

describe('owner PIN guessing', () => {
  it('64 parallel wrong unlocks check the PIN only five times, one after another, then lock out', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const time = fakeTime();
    const session = await sessionWithPin(tmp.dir, time);

    const result = await outcomes(Array.from({ length: 64 }, (_, i) => session.unlock(String(1000 + i))));

    // Four plain refusals, the fifth wrong PIN starts the lockout, the other 59 never reach scrypt.
    expect(result).toMatchObject({ wrong: 4, right: 0, lockedOut: 60 });
    expect(result.firstError).toMatchObject({ code: 'pin_locked_out', retryAfterSeconds: 60 });
    // Attempts were serialised and backed off across requests, not per request.
    expect(time.waits).toEqual([500, 1000, 2000, 4000]);
    expect(session.isUnlocked()).toBe(false);
  });

  it('keeps the lockout across a restart, then lets the right PIN in once it has passed', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const time = fakeTime();
    const first = await sessionWithPin(tmp.dir, time);
    await outcomes(Array.from({ length: 5 }, () => first.unlock('1111')));

    // Re-created from the same settings file, as after quitting and reopening the app.
    const reopened = new OwnerSession(await openSettings(tmp.dir), time.now, { sleep: time.sleep });
    await expect(reopened.unlock('2468')).rejects.toMatchObject({ code: 'pin_locked_out' });
    await expect(reopened.check('2468')).rejects.toMatchObject({ code: 'pin_locked_out' });

    time.advance(60_000);
    expect(await reopened.unlock('2468')).toBe(true);
    expect(reopened.attempts.state()).toEqual({ failures: 0, lockedUntil: null });
  });
});
