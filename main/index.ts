import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { createDispatcher } from './dispatch';
import { extraLinkHosts } from './electron/link-hosts';
import { pickLocale } from './electron/locale';
import { createLogFile } from './electron/log-file';
import { chromiumFetch } from './electron/network';
import { createElectronPosterPrinter } from './electron/poster-printer';
import { relaunchAfterRestore } from './electron/relaunch';
import { openExternalLink } from './electron/shell';
import { createShutdown } from './electron/shutdown';
import { createHandlers } from './handlers';
import { forwardBusEvents, setupIpc } from './ipc';
import { setupMenu } from './menu';
import { RECOVERY_PREFIX, registerAppScheme, setupAppProtocol } from './protocol';
import { unreadableSecretsNotice, RECOVERY_TEXTS } from './recovery/texts';
import { showRecoveryWindow } from './recovery/window';
import { setupSecurity } from './security';
import { createAppServices, type AppServices } from './services/app-services';
import { prepareDataFolder } from './services/store/data-location';
import { openSecretVault } from './electron/vault';
import { setupAutoUpdates } from './electron/updater';
import { busyState } from './services/update-policy';
import { setupKiosk } from './electron/kiosk-window';
import { createMainWindow, type MainWindowPaths } from './window';

/*
 * Lifecycle only: one instance, set-up in order on `ready` (one setupX() per concern), the recovery window instead
 * of a silent exit when start-up fails, services closed before quitting.
 * Paths are resolved from this bundle (dist/main/index.cjs), which holds inside app.asar as well.
 */
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const recoveryDir = path.join(__dirname, 'recovery');
const recoveryPreloadPath = path.join(__dirname, 'recovery-preload.cjs');
/** Must equal electron-builder.yml's appId: Windows groups the taskbar and notifications by it. */
const APP_USER_MODEL_ID = 'app.outreachdesk.desktop';

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
/** Opens the right window for the app's state (the kiosk's, or the main one); set once the services are open. */
let openStartWindow: (() => void) | null = null;
/** The kiosk window while there is one (set once the services are open). */
let kioskWindow: () => BrowserWindow | null = () => null;
let folders: { dataDir: string; vaultDir: string } | null = null;
// Asked for lazily: the logs path is settled by Electron only once the app has its name.
const log = createLogFile(() => app.getPath('logs'), { echo: (line) => console.error(line) });
const shutdown = createShutdown({ services: () => services, log });

// All three must happen before `ready`.
registerAppScheme();
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showAppWindow());
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => onStartFailed(error));
}

async function onReady(): Promise<void> {
  const locale = pickLocale(app.getLocale());
  // The protocol first: the recovery page is served by it when anything below fails.
  setupAppProtocol(rendererDir, { [RECOVERY_PREFIX]: recoveryDir });
  const extraHosts = () => extraLinkHosts(services?.settings.data);
  setupSecurity({ openExternal: (url) => void openExternalLink(url, extraHosts()), extraHosts });
  setupMenu({
    platform: process.platform,
    locale,
    appName: app.getName(),
    packaged: app.isPackaged,
    actions: {
      navigate: (route) => sendToAppWindow('app:navigate', { route }),
      openDataFolder: () => void shell.openPath(folders?.dataDir ?? app.getPath('userData')),
      openLogsFolder: () => void shell.openPath(app.getPath('logs')),
    },
  });
  app.on('browser-window-created', (_event, window) => shutdown.watchWindow(window));
  folders = await resolveFolders();
  // safeStorage is only meaningful after ready; without an OS keychain secrets go to a file named UNPROTECTED.
  const { vault, unreadable } = await openSecretVault({ dir: folders.vaultDir });
  const opened = await createAppServices({
    dataDir: folders.dataDir,
    vault,
    runtime: 'electron',
    version: app.getVersion(),
    printer: createElectronPosterPrinter({ getWindow: () => mainWindow }),
    fetch: chromiumFetch(),
  });
  opened.backups.startDaily();
  // Off unless a feed is configured; never restarts while a campaign sends or an import runs.
  setupAutoUpdates({ busy: () => busyState(opened), log: (message) => log(`[updates] ${message}`) });
  services = opened;
  const ownerUnlocked = () => opened.owner.isUnlocked();
  const handlers = createHandlers(opened, { openExternal: (url) => openExternalLink(url, extraHosts()), ownerUnlocked, deviceName: os.hostname() });
  const dispatch = createDispatcher({
    handlers: relaunchAfterRestore(handlers, () => {
      app.relaunch();
      app.quit(); // will-quit closes the services first; the new process restores before opening anything
    }),
    ownerUnlocked,
    kioskOn: () => opened.kiosk.isOn(),
    // Messages only: arguments and stacks may carry personal data or secrets.
    logError: (channel, error) => log(`[${channel}] ${error instanceof Error ? error.message : String(error)}`),
  });
  // The kiosk is main's state: at start (after a restart too) it opens the kiosk window instead of the main one.
  const kiosk = setupKiosk({ kiosk: opened.kiosk, bus: opened.bus, paths: windowPaths(), openMainWindow, getMainWindow: () => mainWindow });
  kioskWindow = () => kiosk.window();
  // Only one of the two windows exists at a time; IPC trusts, and events go to, whichever it is.
  setupIpc(dispatch, appWindow);
  forwardBusEvents(opened.bus, appWindow);
  openStartWindow = () => kiosk.openStartWindow();
  kiosk.openStartWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showAppWindow();
  });
  if (unreadable.length > 0) void askForUnreadableSecrets(unreadable, locale);
}

/**
 * The data folder is `<userData>/data` (Chromium keeps its own files in userData; backups and restores touch only
 * ours), migrated there from older installs. OUTREACH_DESK_DATA_DIR (tests, portable setups) is used as it is, and
 * then also holds the secrets, so such a folder stays self-contained. Otherwise the secrets stay in userData,
 * outside the data folder, so no backup ever copies them.
 */
async function resolveFolders(): Promise<{ dataDir: string; vaultDir: string }> {
  const given = process.env.OUTREACH_DESK_DATA_DIR;
  if (given) {
    const dataDir = path.resolve(given);
    return { dataDir, vaultDir: dataDir };
  }
  const userData = app.getPath('userData');
  return { dataDir: await prepareDataFolder(userData), vaultDir: userData };
}

/** Start-up failed: say so in a window (a packaged app has no console) instead of exiting silently. */
async function onStartFailed(error: unknown): Promise<void> {
  try {
    const userData = app.getPath('userData');
    const dataDir = folders?.dataDir ?? (process.env.OUTREACH_DESK_DATA_DIR ? path.resolve(process.env.OUTREACH_DESK_DATA_DIR) : path.join(userData, 'data'));
    await showRecoveryWindow({
      error,
      dataDir,
      vaultDir: folders?.vaultDir ?? (process.env.OUTREACH_DESK_DATA_DIR ? dataDir : userData),
      preload: recoveryPreloadPath,
      locale: pickLocale(app.getLocale()),
      devTools: !app.isPackaged,
      log,
    });
  } catch (recoveryError) {
    // Even the recovery window failed: the log and a native box are all that is left.
    log(`Outreach Desk could not start: ${error instanceof Error ? error.message : String(error)}`);
    log(`the recovery window failed too: ${recoveryError instanceof Error ? recoveryError.message : String(recoveryError)}`);
    const t = RECOVERY_TEXTS[pickLocale(app.getLocale())];
    dialog.showErrorBox(t.windowTitle, `${t.kinds.unknown}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  }
}

/** Tells the owner which saved secrets could not be read here and offers to go to Settings to enter them again. */
async function askForUnreadableSecrets(names: readonly string[], locale: ReturnType<typeof pickLocale>): Promise<void> {
  log(`secrets that could not be decrypted here, to be entered again: ${names.join(', ')}`);
  // Never in front of a customer: the kiosk shows nothing of the shop's settings (Settings still shows them unset).
  if (kioskWindow()) return;
  const notice = unreadableSecretsNotice(locale, names);
  const t = RECOVERY_TEXTS[locale].secretsNotice;
  const parent = appWindow();
  // Over the painted window, not a hidden one (a sheet on an invisible window on macOS would never be seen).
  if (parent && !parent.isVisible()) await new Promise<void>((resolve) => parent.once('show', () => resolve()));
  const options = { type: 'warning' as const, title: notice.title, message: notice.message, detail: notice.detail, buttons: [t.openSettings, t.ok], defaultId: 0, cancelId: 1 };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 0) sendToAppWindow('app:navigate', { route: 'settings' });
}

function windowPaths(): MainWindowPaths {
  return {
    preload: preloadPath,
    devTools: !app.isPackaged,
    ...(process.platform === 'linux' ? { icon: path.join(distDir, '..', 'assets', 'icon.png') } : {}),
  };
}

function openMainWindow(): void {
  const window = createMainWindow(windowPaths(), log);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

/** The window the app shows now: the kiosk's while it is on, the main one otherwise. */
function appWindow(): BrowserWindow | null {
  return kioskWindow() ?? mainWindow;
}

/** A second launch, or the Dock icon: bring the window forward, or open one when there is none. */
function showAppWindow(): void {
  const window = appWindow();
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return;
  }
  // Before the services are open there is nothing to open yet; the start-up opens the window itself.
  openStartWindow?.();
}

/** Sends a navigation to the main window only: the kiosk window never leaves the kiosk on main's say-so. */
function sendToAppWindow(event: 'app:navigate', payload: { route: 'counter' | 'contacts' | 'settings' }): void {
  if (kioskWindow()) return;
  const window = mainWindow;
  if (window && !window.isDestroyed()) window.webContents.send(event, payload);
}

// macOS keeps the app running without windows, as its users expect.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Start closing as soon as quitting is decided; will-quit holds the quit until it is done (bounded, see shutdown.ts).
app.on('before-quit', () => void shutdown.begin());
app.on('will-quit', (event) => shutdown.onWillQuit(event, () => app.quit()));
