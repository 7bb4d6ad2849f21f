const LOCK_KEY = 'od-kiosk-locked';
const KIOSK_HASH = '#/kiosk';

function readLock(): boolean {
  try {
    return sessionStorage.getItem(LOCK_KEY) === '1';
  } catch {
    return false;
  }
}

function writeLock(locked: boolean): void {
  try {
    if (locked) sessionStorage.setItem(LOCK_KEY, '1');
    else sessionStorage.removeItem(LOCK_KEY);
  } catch {
    // Without sessionStorage the in-memory flag below still holds the kiosk for this page's life.
  }
}

let locked = readLock();

/** True while the kiosk holds the screen: only the owner PIN (through kiosk:exit) releases it. */
export function isKioskLocked(): boolean {
  return locked;
}

/** Called when the kiosk opens; survives a reload of the window. */
export function lockKiosk(): void {
  locked = true;
  writeLock(true);
}

/** Called only after kiosk:exit allowed it. */
export function unlockKiosk(): void {
  locked = false;
  writeLock(false);
}

/**
 * Keeps a locked kiosk on its route whatever the customer does to the address (Back, a typed hash, a reload).
 * Installed at module load so it runs before the app's own hashchange listener, which then reads #/kiosk again.
 * `onRestored` runs when it had to put the kiosk back, so the app can resync its route.
 */
export function installKioskGuard(onRestored: () => void): void {
  const restore = (): boolean => {
    if (!locked || window.location.hash === KIOSK_HASH) return false;
    history.replaceState(history.state, '', KIOSK_HASH);
    return true;
  };
  if (restore()) queueMicrotask(onRestored);
  window.addEventListener('hashchange', () => {
    if (restore()) onRestored();
  });
}
