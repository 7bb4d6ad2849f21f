import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../tools/build-main';
import { tempDir } from '../support/temp-dir';
import type { Call } from './startup/electron-stub';

/*
 * The built main bundle (as `npm run dist` makes it: minified, production) loaded in plain Node with a recording
 * `electron` stub (startup/electron-stub.ts), in a child process per start (startup/driver.ts). What a mocked
 * electron in unit tests cannot show: the order of the calls in the real bundle, the options every window gets, the
 * menu, the permission decisions as installed, and the recovery window when the data folder is unusable.
 */

const run = promisify(execFile);
let temp: { dir: string; cleanup: () => Promise<void> };
let bundle: string;
let driver: string;

interface Outcome {
  beforeReady: number;
  calls: Call[];
  windows: { options: { webPreferences?: Record<string, unknown>; kiosk?: boolean }; loaded: string[] }[];
  permissions: Record<string, { requested: unknown; checked: unknown }>;
  exitCode: number | null;
  recoveryView: { message: string; actions: { id: string }[]; lang: string } | null;
  recoveryPage: { status: number; csp: string | null; body: string } | null;
  ipcChannels: string[];
  quitHeld: boolean;
  callsAfterQuit: Call[];
  driverError?: string;
}

beforeAll(async () => {
  temp = await tempDir('od-startup-bundle-');
  const out = path.join(temp.dir, 'app', 'dist', 'main');
  await buildMain({ outDir: out, production: true });
  bundle = path.join(out, 'index.cjs');
  // The stub where the bundle's require('electron') looks: node_modules above it.
  const stubDir = path.join(temp.dir, 'app', 'node_modules', 'electron');
  await mkdir(stubDir, { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: [path.join(__dirname, 'startup', 'electron-stub.ts')], outfile: path.join(stubDir, 'index.js') });
  driver = path.join(temp.dir, 'app', 'driver.cjs');
  await build({ ...common, entryPoints: [path.join(__dirname, 'startup', 'driver.ts')], outfile: driver, external: ['electron'] });
}, 180_000);

afterAll(() => temp?.cleanup());

/** Starts the bundle once with the given userData folder and environment. */
async function start(userData: string, env: Record<string, string> = {}): Promise<Outcome> {
  const out = path.join(temp.dir, `outcome-${path.basename(userData)}.json`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'OUTREACH_DESK_DATA_DIR' && key !== 'NODE_OPTIONS'));
  await run(process.execPath, [driver, bundle, out], {
    cwd: path.join(temp.dir, 'app'),
    env: { ...clean, STUB_USER_DATA: userData, ...env },
    timeout: 90_000,
  }).catch((error: unknown) => error);
  const outcome = JSON.parse(await readFile(out, 'utf8')) as Outcome;
  if (outcome.driverError) throw new Error(outcome.driverError);
  return outcome;
}

const index = (outcome: Outcome, api: string) => outcome.calls.findIndex((call) => call.api === api);

describe('the built bundle, started normally', () => {
  let outcome: Outcome;
  beforeAll(async () => {
    outcome = await start(path.join(temp.dir, 'user-ok'), { STUB_LOCALE: 'es-ES' });
  }, 120_000);

  it('registers the app:// scheme and enables the sandbox before ready', () => {
    const registered = outcome.calls.find((call) => call.api === 'protocol.registerSchemesAsPrivileged');
    expect(registered?.afterReady).toBe(false);
    expect(registered?.args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(outcome.calls.find((call) => call.api === 'app.enableSandbox')?.afterReady).toBe(false);
    expect(index(outcome, 'app.requestSingleInstanceLock')).toBeLessThan(index(outcome, '(ready)'));
  });

  it('serves app:// and installs the permission handlers before the first window', () => {
    const firstWindow = index(outcome, 'new BrowserWindow');
    expect(firstWindow).toBeGreaterThan(index(outcome, '(ready)'));
    expect(index(outcome, 'protocol.handle')).toBeLessThan(firstWindow);
    expect(index(outcome, 'session(default).setPermissionRequestHandler')).toBeLessThan(firstWindow);
    expect(index(outcome, 'session(default).setPermissionCheckHandler')).toBeLessThan(firstWindow);
  });

  it('opens the main window with secure webPreferences and no DevTools (packaged), on app://', () => {
    expect(outcome.windows).toHaveLength(1);
    for (const window of outcome.windows) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
      });
      expect(String(window.options.webPreferences?.preload)).toMatch(/preload\.cjs$/);
    }
    expect(outcome.windows[0]?.loaded).toEqual(['app://outreach/index.html']);
  });

  it('sets our application menu, in the system language, with the Edit roles and without DevTools', () => {
    const menus = outcome.calls.filter((call) => call.api === 'Menu.setApplicationMenu');
    expect(menus).toHaveLength(1);
    const template = JSON.stringify(menus[0]?.args[0]);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(template).toContain(`"role":"${role}"`);
    expect(template).not.toContain('toggleDevTools');
    expect(template).toContain('"label":"Edición"');
    expect(template).toContain('"accelerator":"F2"');
    expect(index(outcome, 'Menu.setApplicationMenu')).toBeLessThan(index(outcome, 'new BrowserWindow'));
  });

  it('grants Copy and full screen to app://outreach only, and nothing else to anyone', () => {
    for (const permission of ['clipboard-sanitized-write', 'fullscreen']) {
      expect(outcome.permissions[`${permission} app`]).toEqual({ requested: true, checked: true });
      expect(outcome.permissions[`${permission} evil`]).toEqual({ requested: false, checked: false });
    }
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation']) {
      for (const origin of ['app', 'evil']) expect(outcome.permissions[`${permission} ${origin}`]).toEqual({ requested: false, checked: false });
    }
  });

  it('keeps the data in <userData>/data and the secrets outside it, and never exits', async () => {
    const userData = path.join(temp.dir, 'user-ok');
    expect(JSON.parse(await readFile(path.join(userData, 'data', 'settings.json'), 'utf8'))).toHaveProperty('deviceId');
    expect((await readdir(path.join(userData, 'data'))).some((name) => name.startsWith('secrets'))).toBe(false);
    expect(outcome.exitCode).toBeNull();
    expect(outcome.calls.some((call) => call.api === 'dialog.showErrorBox')).toBe(false);
    expect(outcome.calls.some((call) => call.api === 'session.fromPartition')).toBe(true);
  });

  it('holds will-quit until the services closed, then quits', () => {
    expect(outcome.quitHeld).toBe(true);
    expect(outcome.callsAfterQuit.some((call) => call.api === 'app.quit')).toBe(true);
  });
});

describe('the built bundle, when the data folder is unusable', () => {
  let outcome: Outcome;
  beforeAll(async () => {
    const userData = path.join(temp.dir, 'user-broken');
    await mkdir(userData, { recursive: true });
    // A file where the data folder must be: no permission trick (tests may run as root), and it fails everywhere.
    await writeFile(path.join(userData, 'data'), 'not a folder');
    outcome = await start(userData, { STUB_LOCALE: 'pt-BR' });
  }, 120_000);

  it('shows the recovery window instead of exiting silently', () => {
    expect(outcome.exitCode).toBeNull();
    expect(outcome.windows).toHaveLength(1);
    expect(outcome.windows[0]?.loaded).toEqual(['app://outreach/recovery/index.html']);
    expect(outcome.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(outcome.windows[0]?.options.webPreferences?.preload)).toMatch(/recovery-preload\.cjs$/);
  });

  it('says what happened in the system language and offers the data folder and quitting', () => {
    expect(outcome.recoveryView?.lang).toBe('pt');
    expect(outcome.recoveryView?.message).toMatch(/pasta de dados/);
    expect(outcome.recoveryView?.actions.map((action) => action.id)).toEqual(expect.arrayContaining(['open-data-folder', 'quit']));
    expect(outcome.ipcChannels.sort()).toEqual(['recovery:act', 'recovery:view']);
  });

  it('serves the recovery page from the bundle folder over app://, with a CSP', () => {
    expect(outcome.recoveryPage?.status).toBe(200);
    expect(outcome.recoveryPage?.csp).toContain("script-src 'self'");
    expect(outcome.recoveryPage?.body).toContain('<script src="page.js"');
  });
});

describe('the built bundle on Windows', () => {
  let outcome: Outcome;
  beforeAll(async () => {
    outcome = await start(path.join(temp.dir, 'user-win'), { STUB_PLATFORM: 'win32', STUB_QUIT: 'session-end' });
  }, 120_000);

  it('sets the AppUserModelID (taskbar grouping, notifications) before ready, equal to the installer appId', async () => {
    const call = outcome.calls.find((c) => c.api === 'app.setAppUserModelId');
    expect(call?.afterReady).toBe(false);
    const builder = await readFile(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(builder).toContain(`appId: ${String(call?.args[0])}`);
  });

  it('closes the services on session-end (Windows emits no will-quit at shutdown), so the later will-quit has nothing to wait for', () => {
    expect(outcome.windows[0]?.loaded).toEqual(['app://outreach/index.html']);
    expect(outcome.quitHeld).toBe(false);
  });
});

describe('the built bundle, after a keychain reset', () => {
  let outcome: Outcome;
  let userData: string;
  beforeAll(async () => {
    userData = path.join(temp.dir, 'user-keychain');
    await mkdir(userData, { recursive: true });
    // Saved under the old keychain key: the stub's safeStorage cannot decrypt it, as Electron's would throw.
    const entries = { 'cloud.accessToken': Buffer.from('v09 old key').toString('base64') };
    await writeFile(path.join(userData, 'secrets.json'), JSON.stringify({ format: 'outreach-desk-secrets', version: 1, protection: 'os-keychain', entries }));
    outcome = await start(userData, { STUB_LOCALE: 'hi-IN' });
  }, 120_000);

  it('still opens the app, and tells the owner which secret to enter again', async () => {
    expect(outcome.windows[0]?.loaded).toEqual(['app://outreach/index.html']);
    const notice = outcome.calls.find((call) => call.api === 'dialog.showMessageBox');
    expect(notice?.args[0]).toMatchObject({ title: 'अपने पासवर्ड फिर से डालें', detail: expect.stringContaining('WhatsApp एक्सेस टोकन') });
    const vault = JSON.parse(await readFile(path.join(userData, 'secrets.json'), 'utf8')) as { entries: object; unreadable: object };
    expect(vault.entries).toEqual({});
    expect(Object.keys(vault.unreadable)).toEqual(['cloud.accessToken']);
  });
});

