import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { KioskStatus } from '../../shared/contract/kiosk';
import { APP_ENTRY_URL } from '../protocol';
import type { EventBus } from '../services/event-bus';
import { isKioskEscapeKey, windowForKiosk } from '../services/kiosk-keys';
import { mainWindowOptions, type MainWindowPaths } from '../window';

/** The kiosk route of the app page; the renderer also holds itself there while main says the kiosk is on. */
export const KIOSK_URL = `${APP_ENTRY_URL}#/kiosk`;

/**
 * The kiosk window's options: the main window's secure webPreferences with devTools off, in Electron's kiosk
 * mode (full screen, no leaving it with the window manager's keys on macOS), with no menu bar to reveal.
 */
export function kioskWindowOptions(paths: MainWindowPaths): BrowserWindowConstructorOptions {
  const base = mainWindowOptions(paths);
  return {
    ...base,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    minimizable: false,
    title: 'Outreach Desk',
    webPreferences: { ...base.webPreferences, devTools: false },
  };
}

/** What the kiosk window code needs from the rest of the app (narrow, so it is easy to fake). */
export interface KioskWindowDeps {
  kiosk: { isOn(): boolean };
  bus: EventBus;
  paths: MainWindowPaths;
  openMainWindow(): void;
  getMainWindow(): BrowserWindow | null;
}

/** The kiosk window of this run, and the start-up choice between it and the main window. */
export interface KioskWindows {
  /** The open kiosk window, or null; IPC trusts it like the main window while it exists. */
  window(): BrowserWindow | null;
  /** Opens the kiosk when main's state says it is on (after a restart too), the main window otherwise. */
  openStartWindow(): void;
}

/** Creates the locked-down kiosk window: no menu, no reload or devtools keys, no closing while the kiosk is on. */
export function createKioskWindow(paths: MainWindowPaths, kioskOn: () => boolean, quitting: () => boolean): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(paths));
  window.removeMenu();
  window.webContents.on('before-input-event', (event, input) => {
    if (isKioskEscapeKey(input)) event.preventDefault();
  });
  // devTools:false already refuses to open them; this is the belt to those braces.
  window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  window.on('close', (event) => {
    if (kioskOn() && !quitting()) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(KIOSK_URL).catch((error: unknown) => {
    console.error('Could not load the kiosk page:', error instanceof Error ? error.message : error);
  });
  return window;
}

/**
 * Follows main's kiosk state with windows: entering opens the kiosk window and closes the main window, leaving
 * (the PIN was right) opens the main window and closes the kiosk. The new window opens before the old one closes,
 * so the app never has zero windows and does not quit on Windows or Linux.
 */
export function setupKiosk(deps: KioskWindowDeps): KioskWindows {
  let kioskWindow: BrowserWindow | null = null;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const openKiosk = () => {
    if (kioskWindow && !kioskWindow.isDestroyed()) return kioskWindow.focus();
    const window = createKioskWindow(deps.paths, () => deps.kiosk.isOn(), () => quitting);
    window.on('closed', () => {
      if (kioskWindow === window) kioskWindow = null;
    });
    kioskWindow = window;
  };

  const follow = (on: boolean) => {
    if (windowForKiosk(on) === 'kiosk') {
      openKiosk();
      deps.getMainWindow()?.close();
    } else if (kioskWindow) {
      const closing = kioskWindow;
      if (!deps.getMainWindow()) deps.openMainWindow();
      closing.close();
    }
  };

  deps.bus.listen((event, payload) => {
    if (event === 'kiosk:changed') follow((payload as KioskStatus).on);
  });

  return {
    window: () => (kioskWindow && !kioskWindow.isDestroyed() ? kioskWindow : null),
    openStartWindow: () => {
      if (windowForKiosk(deps.kiosk.isOn()) === 'kiosk') openKiosk();
      else deps.openMainWindow();
    },
  };
}
