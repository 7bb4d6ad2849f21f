import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createDispatcher } from './dispatch';
import { createElectronPosterPrinter } from './electron/poster-printer';
import { openExternalLink } from './electron/shell';
import { createHandlers } from './handlers';
import { forwardBusEvents, setupIpc } from './ipc';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { setupSecurity } from './security';
import { createAppServices, type AppServices } from './services/app-services';
import { openSecretVault } from './electron/vault';
import { setupAutoUpdates } from './electron/updater';
import { busyState } from './services/update-policy';
import { setupKiosk } from './electron/kiosk-window';
import { createMainWindow, type MainWindowPaths } from './window';

/*
 * Lifecycle only: one instance, set-up in order on `ready`, services closed before quitting.
 * Paths are resolved from this bundle (dist/main/index.cjs), which holds inside app.asar as well.
 */
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let closed = false;

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusMainWindow());
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Outreach Desk could not start:', error instanceof Error ? error.message : error);
      app.exit(1);
    });
}

async function onReady(): Promise<void> {
  setupAppProtocol(rendererDir);
  setupSecurity({ openExternal: (url) => void openExternalLink(url) });
  const dataDir = path.resolve(process.env.OUTREACH_DESK_DATA_DIR || app.getPath('userData'));
  // safeStorage is only meaningful after ready; without an OS keychain secrets go to a file named UNPROTECTED.
  const { vault } = await openSecretVault({ dir: dataDir });
  const opened = await createAppServices({
    dataDir,
    vault,
    runtime: 'electron',
    version: app.getVersion(),
    printer: createElectronPosterPrinter({ getWindow: () => mainWindow }),
  });
  opened.backups.startDaily();
  // Off unless a feed is configured; never restarts while a campaign sends or an import runs.
  setupAutoUpdates({ busy: () => busyState(opened) });
  services = opened;
  const ownerUnlocked = () => opened.owner.isUnlocked();
  const dispatch = createDispatcher({
    handlers: createHandlers(opened, { openExternal: (url) => openExternalLink(url), ownerUnlocked, deviceName: os.hostname() }),
    ownerUnlocked,
    kioskOn: () => opened.kiosk.isOn(),
    // Messages only: arguments and stacks may carry personal data or secrets.
    logError: (channel, error) => console.error(`[${channel}]`, error instanceof Error ? error.message : error),
  });
  // The kiosk is main's state: at start (after a restart too) it opens the kiosk window instead of the main one.
  const kiosk = setupKiosk({ kiosk: opened.kiosk, bus: opened.bus, paths: windowPaths(), openMainWindow, getMainWindow: () => mainWindow });
  // Only one of the two windows exists at a time; IPC trusts, and events go to, whichever it is.
  const appWindow = () => kiosk.window() ?? mainWindow;
  setupIpc(dispatch, appWindow);
  forwardBusEvents(opened.bus, appWindow);
  kiosk.openStartWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function windowPaths(): MainWindowPaths {
  return { preload: preloadPath, ...(process.platform === 'linux' ? { icon: path.join(distDir, '..', 'assets', 'icon.png') } : {}) };
}

function openMainWindow(): void {
  const window = createMainWindow(windowPaths());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// macOS keeps the app running without windows, as its users expect.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Hold the quit until the services have flushed and closed their files.
app.on('will-quit', (event) => {
  if (closed || !services) return;
  event.preventDefault();
  const closing = services;
  services = null;
  closing
    .close()
    .catch((error: unknown) => console.error('Closing the data files failed:', error instanceof Error ? error.message : error))
    .finally(() => {
      closed = true;
      app.quit();
    });
});
