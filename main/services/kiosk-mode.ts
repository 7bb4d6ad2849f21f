import { KioskErrorCodes, type KioskStatus } from '../../shared/contract/kiosk';
import { AppError } from './app-error';
import type { OwnerSession } from './owner-session';
import type { SettingsStore } from './settings-store';

export interface KioskModeDeps {
  settings: SettingsStore;
  owner: OwnerSession;
  now: () => Date;
  /** Told after every change is on disk (the event bus, which also reaches the Electron window code). */
  onChange: (status: KioskStatus) => void;
}

/**
 * The customer kiosk as a state of main, not of a window: kept in settings.json so a reload, a new tab or a
 * restart comes back to it; entering needs an owner PIN to exist, leaving needs that PIN (through the same
 * rate-limited check as unlocking). While it is on, the dispatcher refuses every channel the kiosk does not use.
 */
export class KioskMode {
  constructor(private readonly deps: KioskModeDeps) {}

  /** The current state. A kiosk stored as on with no PIN (a hand-edited file) counts as off: nothing could end it. */
  status(): KioskStatus {
    const pinSet = this.deps.owner.pinSet;
    const stored = this.deps.settings.data.kiosk;
    const on = pinSet && stored?.on === true;
    return { on, pinSet, since: on ? (stored?.since ?? null) : null };
  }

  isOn(): boolean {
    return this.status().on;
  }

  /** Turns the kiosk on; without an owner PIN it refuses, because any input would then let a customer out. */
  async enter(): Promise<KioskStatus> {
    if (!this.deps.owner.pinSet) {
      throw new AppError(KioskErrorCodes.pinNotSet, 'Set an owner PIN first: leaving the kiosk needs it.');
    }
    if (this.isOn()) return this.status();
    const since = this.deps.now().toISOString();
    await this.deps.settings.update((doc) => {
      doc.kiosk = { on: true, since };
    });
    return this.changed();
  }

  /**
   * Leaves the kiosk when the owner PIN is right. A wrong PIN answers `allowed: false`; too many wrong PINs
   * throw PinLockedOut. When the kiosk is not on there is nothing to leave, and no PIN is checked.
   */
  async exit(pin: string): Promise<{ allowed: boolean }> {
    if (!this.isOn()) return { allowed: true };
    if (!(await this.deps.owner.check(pin))) return { allowed: false };
    await this.deps.settings.update((doc) => {
      doc.kiosk = { on: false, since: null };
    });
    this.changed();
    return { allowed: true };
  }

  private changed(): KioskStatus {
    const status = this.status();
    this.deps.onChange(status);
    return status;
  }
}
