import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './protocol';

/** Where the window's files are, resolved by the caller from the bundle location. */
export interface MainWindowPaths {
  preload: string;
  /** Window icon for Linux (Windows and macOS take it from the packaged app). */
  icon?: string;
}

/**
 * The main window's options. Every security-relevant preference is spelled out, even where it is the
 * default, so a future Electron default change or a careless edit shows up in review and in the tests.
 */
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
    webPreferences: {
      preload: paths.preload,
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
    },
  };
}

/** Creates the main window, shows it once painted (no white flash), and loads the app:// entry page. */
export function createMainWindow(paths: MainWindowPaths): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Could not load the app page:', error instanceof Error ? error.message : error);
  });
  return window;
}
