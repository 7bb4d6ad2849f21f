import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/*
 * The one fake of the `electron` module (the real one needs a binary that is absent here).
 * Use in a test file with:  vi.mock('electron', () => import('../mocks/electron'));
 * and call resetElectronMock() in beforeEach. Only what our main-process code touches is modelled.
 */

type Handler = (...args: any[]) => any;

/** A navigation-style event whose preventDefault is observable. */
export function fakeEvent<T extends object>(extra: T = {} as T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: boolean } {
  const event = { ...extra, defaultPrevented: false } as T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: boolean };
  event.preventDefault = vi.fn(() => {
    event.defaultPrevented = true;
  });
  return event;
}

/** A frame as IPC sees it (WebFrameMain). */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** Enough of WebContents for the guards, IPC forwarding and printing. */
export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  windowOpenHandler: Handler | null = null;
  mainFrame: FakeFrame = { url: '', parent: null };
  send = vi.fn();
  executeJavaScriptInIsolatedWorld = vi.fn(async () => true);
  printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  reload = vi.fn();
  print = vi.fn((_options: unknown, callback?: (success: boolean, reason: string) => void) => callback?.(true, ''));
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A BrowserWindow that records its options and what was loaded. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }
  /** Tests replace this to simulate loading (default: resolves at once and sets the URL). */
  static loadImpl: (window: BrowserWindow, url: string) => Promise<void> = async (window, url) => {
    window.webContents.url = url;
    window.webContents.mainFrame.url = url;
  };

  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn();
  destroy = vi.fn(() => this.markDestroyed());
  close = vi.fn(() => this.markDestroyed());

  constructor(readonly options: Record<string, any> = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    return BrowserWindow.loadImpl(this, url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  private markDestroyed(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** A session whose handlers can be called by tests. */
export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  displayMediaRequestHandler: Handler | null = null;
  beforeRequest: { filter: unknown; listener: Handler } | null = null;
  headersReceived: Handler | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = {
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    }),
  };
  readonly webRequest = {
    onBeforeRequest: (filter: unknown, listener: Handler) => {
      this.beforeRequest = { filter, listener };
    },
    onHeadersReceived: (listener: Handler) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Handler): void {
    this.displayMediaRequestHandler = handler;
  }
  /** Chromium's fetch for this session; Node's here (tests replace it to observe calls). */
  fetch = vi.fn(async (input: string | Request, init?: RequestInit) => fetch(input, init));
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(),
  fromPartition: vi.fn((name: string, _options?: { cache?: boolean }) => {
    let found = partitions.get(name);
    if (!found) partitions.set(name, (found = new FakeSession()));
    return found;
  }),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  locale = 'en-US';
  enableSandbox = vi.fn();
  getLocale = vi.fn(() => this.locale);
  setAppUserModelId = vi.fn();
  relaunch = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(async () => undefined);
  getPath = vi.fn((_name: string) => '/tmp/outreach-desk-fake-user-data');
  getVersion = vi.fn(() => '0.0.0-test');
  quit = vi.fn();
  exit = vi.fn();
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    session.defaultSession.protocolHandlers.set(scheme, handler);
  }),
};

/** ipcMain.handle registrations, by channel. */
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _args: unknown): Promise<unknown> => ({ ok: true, value: null }));
}

export const ipcRenderer = new FakeIpcRenderer();

/** What the preload exposed, by key. */
export const contextBridge = {
  exposed: {} as Record<string, any>,
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed[key] = value;
  }),
};

/** Save dialogs answer with `dialog.nextSave` (default: cancelled); message boxes with `dialog.nextMessageBox`. */
export const dialog = {
  nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  nextMessageBox: { response: 0, checkboxChecked: false },
  showSaveDialog: vi.fn(async (..._args: unknown[]) => dialog.nextSave),
  showMessageBox: vi.fn(async (..._args: unknown[]) => dialog.nextMessageBox),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

export const shell = {
  openExternal: vi.fn(async (_url: string, _options?: unknown) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

/** The application menu: buildFromTemplate keeps the template so tests can read what was installed. */
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: unknown) => undefined),
};

/** Chromium's network stack; tests give it a Node fetch or a fake. */
export const net = {
  fetch: vi.fn(async (input: string | Request, init?: RequestInit) => fetch(input, init)),
};

/** A reversible stand-in for OS encryption; the ciphertext never contains the plaintext. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend as any),
  encryptString: vi.fn((plain: string) => {
    const bytes = Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a);
    return Buffer.concat([Buffer.from('v10'), bytes]);
  }),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
    return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
  }),
};

/** Puts every fake back to its first state. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  BrowserWindow.instances = [];
  BrowserWindow.loadImpl = async (window, url) => {
    window.webContents.url = url;
    window.webContents.mainFrame.url = url;
  };
  session.defaultSession = new FakeSession();
  partitions.clear();
  app.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed = {};
  dialog.nextSave = { canceled: true, filePath: '' };
  dialog.nextMessageBox = { response: 0, checkboxChecked: false };
  app.isPackaged = false;
  app.locale = 'en-US';
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  // Back to the original fake cipher when a test simulated a new keychain key (mockReset restores vi.fn's own).
  safeStorage.encryptString.mockReset();
  safeStorage.decryptString.mockReset();
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
};
