import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from './app-error';
import { PinAttempts } from './pin-attempts';
import type { PinHash, SettingsStore } from './settings-store';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, { ...params, maxmem: 128 * params.N * params.r * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a PIN with a fresh salt (scrypt: slow on purpose, so a copied settings file does not give the PIN away). */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, SCRYPT);
  return { salt: salt.toString('base64'), hash: key.toString('base64'), ...SCRYPT };
}

/** Checks a PIN against its stored hash in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  const expected = Buffer.from(stored.hash, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** What an owner session needs besides the settings file; `sleep` lets tests back off without waiting. */
export interface OwnerSessionOptions {
  idleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Staff mode: when an owner PIN is set, owner-only channels (settings, exports, campaigns) need it.
 * The unlock lasts until locked again or until it has been idle for `idleMs`.
 * Every PIN check goes through one PinAttempts gate (one at a time, back-off, persisted lockout).
 */
export class OwnerSession {
  private unlockedAt: number | null = null;
  private readonly idleMs: number;
  /** Shared by unlock and leaving the kiosk, so guesses at either count against the same limit. */
  readonly attempts: PinAttempts;

  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => Date,
    options: OwnerSessionOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 15 * 60_000;
    this.attempts = new PinAttempts({ settings, now, ...(options.sleep ? { sleep: options.sleep } : {}) });
  }

  get pinSet(): boolean {
    return this.settings.data.ownerPin !== null;
  }

  /** True when no PIN is set yet (single-person shop) or the owner unlocked recently. */
  isUnlocked(): boolean {
    if (!this.pinSet) return true;
    if (this.unlockedAt === null) return false;
    if (this.now().getTime() - this.unlockedAt > this.idleMs) {
      this.unlockedAt = null;
      return false;
    }
    this.unlockedAt = this.now().getTime();
    return true;
  }

  /** Sets or changes the PIN; changing needs the session to be unlocked already. */
  async setPin(pin: string): Promise<void> {
    if (this.pinSet && !this.isUnlocked()) {
      throw new AppError('owner_pin_required', 'Unlock owner mode before changing the PIN.');
    }
    const hash = await hashPin(pin);
    await this.settings.update((doc) => {
      doc.ownerPin = hash;
    });
    this.unlockedAt = this.now().getTime();
  }

  /**
   * Checks the PIN without unlocking (used to leave kiosk mode). With no PIN set there is nothing to check
   * against: true, and callers that must not accept any input (the kiosk) refuse to start without a PIN.
   * Throws PinLockedOut after too many wrong PINs.
   */
  async check(pin: string): Promise<boolean> {
    const stored = this.settings.data.ownerPin;
    if (!stored) return true;
    return this.attempts.attempt(() => verifyPin(pin, stored));
  }

  async unlock(pin: string): Promise<boolean> {
    const ok = await this.check(pin);
    if (ok) this.unlockedAt = this.now().getTime();
    return ok;
  }

  lock(): void {
    this.unlockedAt = null;
  }
}
