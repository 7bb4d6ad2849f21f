import { EventEmitter } from 'node:events';

/*
 * A recording `electron` for loading the built main bundle in plain Node (test/main/startup-bundle.test.ts). It is
 * bundled by that test into <temp>/node_modules/electron, where the bundle's require('electron') finds it. Every call
 * is recorded in order with its arguments (functions as "[function]") and whether `ready` had happened; the fakes
 * keep the handlers main installs, so the driver can call them as Chromium would.
 */

/** One recorded call. */
export interface Call {
  api: string;
  args: unknown[];
  afterReady: boolean;
}

export const calls: Call[] = [];
let isReady = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  if (value instanceof EventEmitter) return `[${value.constructor.name}]`;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item, depth + 1)]));
}

function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: args.map((arg) => plain(arg)), afterReady: isReady });
}

/** Makes `app.whenReady()` resolve and emits `ready`, as Electron does once Chromium is up. */
export function becomeReady(): void {
  isReady = true;
  record('(ready)');
  resolveReady();
  app.emit('ready');
}

type Handler = (...args: any[]) => any;

class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  windowOpenHandler: Handler | null = null;
  constructor(readonly id: number) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    record('webContents.send', channel, payload);
  }
  reload(): void {
    record('webContents.reload');
  }
  closeDevTools(): void {
    record('webContents.closeDevTools');
  }
}

let nextId = 1;

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows()[0] ?? null;
  }
  readonly id = nextId++;
  readonly webContents = new FakeWebContents(this.id);
  destroyed = false;
  loaded: string[] = [];
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    record('new BrowserWindow', options);
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    app.emit('browser-window-created', {}, this);
  }
  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    this.loaded.push(url);
    this.webContents.url = url;
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
  show(): void {
    record('BrowserWindow.show', this.id);
  }
  focus(): void {}
  restore(): void {}
  removeMenu(): void {
    record('BrowserWindow.removeMenu', this.id);
  }
  setMenuBarVisibility(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return true;
  }
  close(): void {
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  constructor(readonly name: string) {}
  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]) => record(`session(${this.name}).webRequest.onBeforeRequest`, ...args),
    onHeadersReceived: (...args: unknown[]) => record(`session(${this.name}).webRequest.onHeadersReceived`, ...args),
  };
  setPermissionRequestHandler(handler: Handler): void {
    record(`session(${this.name}).setPermissionRequestHandler`);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    record(`session(${this.name}).setPermissionCheckHandler`);
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(): void {
    record(`session(${this.name}).setDevicePermissionHandler`);
  }
  setDisplayMediaRequestHandler(): void {
    record(`session(${this.name}).setDisplayMediaRequestHandler`);
  }
  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    record(`session(${this.name}).fetch`, typeof input === 'string' ? input : input.url);
    return fetch(input, init);
  }
}

const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession('default'),
  fromPartition(name: string, options?: unknown): FakeSession {
    record('session.fromPartition', name, options);
    let found = partitions.get(name);
    if (!found) partitions.set(name, (found = new FakeSession(name)));
    return found;
  },
};

class FakeApp extends EventEmitter {
  isPackaged = true;
  exitCode: number | null = null;
  enableSandbox(): void {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return true;
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    return readyPromise;
  }
  isReady(): boolean {
    return isReady;
  }
  getPath(name: string): string {
    const root = process.env.STUB_USER_DATA ?? '/nonexistent';
    if (name === 'userData') return root;
    if (name === 'logs') return `${root}/logs`;
    return `${root}/${name}`;
  }
  getLocale(): string {
    return process.env.STUB_LOCALE ?? 'en-US';
  }
  getName(): string {
    return 'Outreach Desk';
  }
  getAppPath(): string {
    return process.cwd();
  }
  getVersion(): string {
    return '0.1.0';
  }
  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }
  setAppLogsPath(): void {}
  quit(): void {
    record('app.quit');
  }
  exit(code = 0): void {
    record('app.exit', code);
    this.exitCode = code;
  }
  relaunch(): void {
    record('app.relaunch');
  }
}
export const app = new FakeApp();

export const protocol = {
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme: string, handler: Handler): void {
    record('protocol.handle', scheme);
    protocol.handlers.set(scheme, handler);
  },
};

export const Menu = {
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    record('Menu.setApplicationMenu', menu?.template ?? null);
  },
};

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    ipcMain.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel);
  },
  on(): void {},
};

export const dialog = {
  showMessageBox: async (...args: unknown[]) => {
    record('dialog.showMessageBox', ...args.filter((arg) => !(arg instanceof BrowserWindow)));
    return { response: 1, checkboxChecked: false };
  },
  showErrorBox: (...args: unknown[]) => record('dialog.showErrorBox', ...args),
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
};

export const shell = {
  openPath: async (target: string) => {
    record('shell.openPath', target);
    return '';
  },
  openExternal: async (url: string) => {
    record('shell.openExternal', url);
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8')]),
  decryptString: (encrypted: Buffer) => {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
    return encrypted.subarray(3).toString('utf8');
  },
};

export const net = {
  fetch: (input: string, init?: RequestInit) => {
    record('net.fetch', input);
    return fetch(input, init);
  },
};

export const autoUpdater = new EventEmitter();
export const contextBridge = { exposeInMainWorld: (...args: unknown[]) => record('contextBridge.exposeInMainWorld', ...args) };
export const ipcRenderer = new EventEmitter();
export const screen = { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1080 } }) };
