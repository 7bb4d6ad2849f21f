import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './protocol';

/** Where the window's files are, resolved by the caller from the bundle location. */
export interface MainWindowPaths {
  preload: string;
  /** Window icon for Linux (Windows and macOS take it from the packaged app). */
  icon?: string;
  /** False in packaged builds (app.isPackaged): no DevTools for anyone at the shop's counter. */
  devTools?: boolean;
}

/**
 * The webPreferences of every window the app opens. Every security-relevant preference is spelled out, even where
 * it is the default, so a future Electron default change or a careless edit shows up in review and in the tests.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools,
  };
}

/** The main window's options (webPreferences from {@link secureWebPreferences}). */
export function mainWindowOptions(paths: MainWindowPaths): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Outreach Desk',
    backgroundColor: '#ffffff',
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: secureWebPreferences(paths.preload, paths.devTools ?? false),
  };
}

/** How a window's page is brought back after a renderer crash or a failed load. */
export interface KeepAliveOptions {
  url: string;
  log(message: string): void;
  /** Reloads in a row without a page finishing its load in between; then it stops and says so. */
  maxAttempts?: number;
  /** Waits before a reload (injected: tests run it at once). */
  later?: (run: () => void) => void;
}

/** Chromium's ERR_ABORTED: a load replaced by another (a reload, a hash change); not a failure. */
const ERR_ABORTED = -3;

/**
 * A renderer that crashed or was killed (out of memory, GPU reset) leaves a blank window, and a failed load of our
 * own page leaves an error page: both are logged and the page is loaded again — a few times in a row at most, so a
 * page that crashes on load does not spin forever.
 */
export function keepPageAlive(window: BrowserWindow, options: KeepAliveOptions): void {
  const max = options.maxAttempts ?? 3;
  const later = options.later ?? ((run) => void setTimeout(run, 1_000));
  let attempts = 0;
  const reload = (why: string) => {
    if (window.isDestroyed()) return;
    if (attempts >= max) {
      options.log(`${why}; not reloading again after ${max} attempts in a row`);
      return;
    }
    attempts += 1;
    options.log(`${why}; reloading the page (attempt ${attempts} of ${max})`);
    later(() => {
      if (window.isDestroyed()) return;
      window.loadURL(options.url).catch((error: unknown) => options.log(`reload failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  };
  window.webContents.on('did-finish-load', () => {
    attempts = 0;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    reload(`the page's process is gone (${details.reason}, exit code ${details.exitCode})`);
  });
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    reload(`the page ${validatedURL} did not load (${errorCode} ${errorDescription})`);
  });
}

/** Creates the main window, shows it once painted (no white flash), and loads the app:// entry page. */
export function createMainWindow(paths: MainWindowPaths, log: (message: string) => void = (m) => console.error(m)): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths));
  window.once('ready-to-show', () => window.show());
  keepPageAlive(window, { url: APP_ENTRY_URL, log });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log(`Could not load the app page: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
