import { OwnerErrorCodes } from '../../shared/contract/owner';
import { AppError } from './app-error';
import type { PinAttemptState, SettingsStore } from './settings-store';

/** Wrong PINs in a row before each lockout. */
export const FAILURES_PER_LOCKOUT = 5;
const FIRST_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 24 * 3600_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** How long the next attempt waits after `failures` wrong PINs in a row (0 after none): 0.5 s, 1 s, 2 s … 8 s. */
export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
}

/** The lockout that starts at the `failures`-th wrong PIN in a row, or 0: 1 min at 5, 2 min at 10, 4 min at 15 … 1 day. */
export function lockoutMs(failures: number): number {
  if (failures <= 0 || failures % FAILURES_PER_LOCKOUT !== 0) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures / FAILURES_PER_LOCKOUT - 1));
}

/** Too many wrong PINs: nothing is checked until `retryAfterSeconds` have passed. */
export class PinLockedOut extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      OwnerErrorCodes.pinLockedOut,
      `Too many wrong PINs. Try again in ${retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}.`,
    );
  }
}

export interface PinAttemptsDeps {
  settings: SettingsStore;
  now: () => Date;
  /** Waits between attempts; tests pass one that moves their clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const NO_FAILURES: PinAttemptState = { failures: 0, lockedUntil: null };

/**
 * The one gate every owner-PIN check goes through (unlock, leaving the kiosk), whichever window or tab asks.
 * Attempts run one at a time, so parallel requests cannot multiply the guessing rate; each wrong PIN makes the
 * next attempt wait longer, and every fifth locks the PIN out for a doubling time. The count and the lockout are
 * written to settings.json before the answer is given, so restarting the app does not reset them.
 */
export class PinAttempts {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: PinAttemptsDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Failures in a row and the lockout end, as stored. */
  state(): PinAttemptState {
    return this.deps.settings.data.pinAttempts ?? NO_FAILURES;
  }

  /** Seconds left of a lockout, or 0. */
  lockedForSeconds(): number {
    const { lockedUntil } = this.state();
    if (lockedUntil === null) return 0;
    // Capped, so a clock set back by months cannot turn a lockout into months.
    const left = Math.min(MAX_LOCKOUT_MS, lockedUntil - this.deps.now().getTime());
    return Math.max(0, Math.ceil(left / 1000));
  }

  /**
   * Runs `verify` when its turn comes and records the outcome. Throws PinLockedOut (without calling `verify`)
   * while locked out, and also when this wrong PIN starts a lockout, so the person is told at once.
   */
  attempt(verify: () => Promise<boolean>): Promise<boolean> {
    const run = this.queue.then(() => this.runOne(verify));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOne(verify: () => Promise<boolean>): Promise<boolean> {
    this.throwIfLockedOut();
    const wait = backoffMs(this.state().failures);
    if (wait > 0) await this.sleep(wait);
    const ok = await verify();
    if (ok) {
      if (this.state().failures > 0 || this.state().lockedUntil !== null) await this.save(NO_FAILURES);
      return true;
    }
    const failures = this.state().failures + 1;
    const lockFor = lockoutMs(failures);
    await this.save({ failures, lockedUntil: lockFor > 0 ? this.deps.now().getTime() + lockFor : this.state().lockedUntil });
    if (lockFor > 0) throw new PinLockedOut(Math.ceil(lockFor / 1000));
    return false;
  }

  private throwIfLockedOut(): void {
    const seconds = this.lockedForSeconds();
    if (seconds > 0) throw new PinLockedOut(seconds);
  }

  private save(next: PinAttemptState): Promise<void> {
    return this.deps.settings.update((doc) => {
      doc.pinAttempts = next;
    });
  }
}
