import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/*
 * The packaged-app journey in real Electron. Needs an Electron binary (`npm install electron` with network)
 * and a build (`npm run build`). Without the binary the tests are skipped, and the reason is printed.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Electron executable path, or why there is none: require('electron') returns it only when installed. */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const found = createRequire(import.meta.url)('electron') as unknown;
    if (typeof found === 'string' && existsSync(found)) return { path: found };
    return { reason: `require('electron') gave ${JSON.stringify(found)}, which is not an executable` };
  } catch (error) {
    return { reason: `no Electron binary: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

const binary = electronBinary();
const skipReason = 'reason' in binary ? `Electron end-to-end tests skipped (${binary.reason}).` : null;
if (skipReason) console.log(skipReason);

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  for (const built of ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'od-electron-'));
  app = await electron.launch({
    // The project folder, not the bundle, so Electron reads package.json (name, version, main) as packaged.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, OUTREACH_DESK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('first-run wizard saves the profile, which is still shown after a reload', async () => {
  expect(page.url()).toBe('app://outreach/index.html');
  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await page.reload();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await expect(page.getByText('Panadería Lucía').first()).toBeVisible();
  const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { profile: { phoneE164: string } };
  expect(settings.profile.phoneE164).toBe('+34612345678');
});

test('the page has the contract API and nothing of Node or Electron', async () => {
  const exposed = await page.evaluate(() => ({
    api: typeof (window as unknown as { api?: unknown }).api,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    popup: window.open('https://evil.example/') === null,
  }));
  expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', popup: true });
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // Typed loosely: Playwright bundles its own, older Electron typings.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean } | null;
    };
    const p = contents?.getLastWebPreferences();
    return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(await app.windows()).toHaveLength(1);
});
