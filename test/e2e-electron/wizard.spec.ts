import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { launchApp, skipWithoutElectron, type LaunchedApp } from './launch';

/*
 * The packaged-app journey in real Electron (see launch.ts for what it needs and when it skips).
 */

let launched: LaunchedApp | undefined;
let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  skipWithoutElectron();
  launched = await launchApp();
  ({ app, page, dataDir } = launched);
});

test.afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

test('first-run wizard saves the profile, which is still shown after a reload', async () => {
  expect(page.url()).toBe('app://outreach/index.html');
  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Getting started', level: 1 })).toBeVisible();

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
