import type { ApiError } from '../../../shared/contract';
import type { KioskStatus } from '../../../shared/contract/kiosk';
import { api } from '../../api';

const KIOSK_HASH = '#/kiosk';

/*
 * The kiosk is a state of main (kiosk:status, kiosk:enter, kiosk:exit, the kiosk:changed event), kept across
 * reloads, new tabs and restarts. This module only mirrors it, so the page can keep a locked window on the kiosk
 * route; main refuses every other channel while the kiosk is on, whatever this page does.
 */
let locked = false;
const listeners = new Set<(status: KioskStatus) => void>();
let restoreRoute: () => boolean = () => false;
let onRestored: () => void = () => undefined;

function follow(status: KioskStatus): void {
  locked = status.on;
  if (restoreRoute()) onRestored();
  for (const listener of listeners) listener(status);
}

/** True while main holds the kiosk on: only the owner PIN (through kiosk:exit) releases it. */
export function isKioskLocked(): boolean {
  return locked;
}

/** Calls `listener` with every state main reports from now on; returns the unsubscribe function. */
export function onKioskChange(listener: (status: KioskStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks main for the current state (a kiosk page opened by address checks it is really on). */
export async function refreshKiosk(): Promise<KioskStatus | null> {
  const result = await api.kiosk.status();
  if (!result.ok) return null;
  follow(result.value);
  return result.value;
}

/** Asks main to turn the kiosk on; fails with kiosk_pin_not_set when the owner has not set a PIN yet. */
export async function enterKiosk(): Promise<{ ok: true } | { ok: false; error: ApiError }> {
  const result = await api.kiosk.enter();
  if (!result.ok) return result;
  follow(result.value);
  return { ok: true };
}

/** Asks main to leave the kiosk with this PIN; once allowed the page stops holding the kiosk route at once. */
export async function exitKiosk(pin: string): ReturnType<typeof api.kiosk.exit> {
  const result = await api.kiosk.exit({ pin });
  if (result.ok && result.value.allowed) follow({ on: false, pinSet: true, since: null });
  return result;
}

/**
 * Keeps a locked kiosk on its route whatever the customer does to the address (Back, a typed hash, a reload),
 * and follows main's state from the start. Installed at module load so it runs before the app's own hashchange
 * listener, which then reads #/kiosk again. `restored` runs when it had to put the kiosk back.
 */
export function installKioskGuard(restored: () => void): void {
  onRestored = restored;
  restoreRoute = () => {
    if (!locked || window.location.hash === KIOSK_HASH) return false;
    history.replaceState(history.state, '', KIOSK_HASH);
    return true;
  };
  window.addEventListener('hashchange', () => {
    if (restoreRoute()) onRestored();
  });
  api.events.subscribe('kiosk:changed', follow);
  void refreshKiosk();
}
