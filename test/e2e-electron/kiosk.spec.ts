import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { launchApp, skipWithoutElectron, type LaunchedApp } from './launch';

/*
 * The kiosk in real Electron (see launch.ts for what it needs and when it skips): a full-screen kiosk window
 * replaces the main window, cannot be reloaded, closed or inspected, survives a restart, and only the owner PIN
 * brings the main window back.
 */

const KIOSK_TITLE = 'Get messages from Panadería Lucía on WhatsApp';
let dataDir: string;
let launched: LaunchedApp | undefined;

test.beforeEach(async () => {
  skipWithoutElectron();
  // Kept across the two launches of the restart test; removed in afterEach.
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'od-electron-kiosk-'));
});

test.afterEach(async () => {
  await launched?.close();
  launched = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What main says about its windows (typed loosely: Playwright bundles older Electron typings). */
function windowsState(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({
      url: w.webContents.getURL(),
      kiosk: w.isKiosk(),
      fullScreen: w.isFullScreen(),
      menuBarVisible: w.isMenuBarVisible(),
      devToolsOpened: w.webContents.isDevToolsOpened(),
    })),
  );
}

async function wizardAndPin(page: Page): Promise<void> {
  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await page.getByLabel('New PIN').fill('2468');
  await page.getByLabel('Type the PIN again').fill('2468');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('PIN saved.', { exact: false })).toBeVisible();
}

/** Opens the kiosk from the counter and returns the kiosk window's page (the main window closes). */
async function openKiosk(app: ElectronApplication, page: Page): Promise<Page> {
  await page.keyboard.press('F2');
  const next = app.waitForEvent('window');
  await page.getByRole('button', { name: 'Open kiosk screen' }).click();
  const kiosk = await next;
  await expect(kiosk.getByRole('heading', { name: KIOSK_TITLE })).toBeVisible();
  return kiosk;
}

test('the kiosk is full screen and cannot be left, reloaded or inspected without the PIN', async () => {
  launched = await launchApp({ dataDir });
  const { app, page } = launched;
  await wizardAndPin(page);
  const kiosk = await openKiosk(app, page);

  await expect.poll(() => windowsState(app)).toEqual([
    { url: 'app://outreach/index.html#/kiosk', kiosk: true, fullScreen: true, menuBarVisible: false, devToolsOpened: false },
  ]);

  // Reload and devtools keys do nothing: a marker set in the page survives them.
  await kiosk.evaluate(() => {
    (window as unknown as { marker?: number }).marker = 1;
  });
  for (const keys of ['Control+R', 'F5', 'Control+Shift+R', 'Control+Shift+I', 'F12']) await kiosk.keyboard.press(keys);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.openDevTools());
  expect(await kiosk.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect((await windowsState(app))[0]?.devToolsOpened).toBe(false);

  // Closing the window (Alt+F4, the window manager) is refused while the kiosk is on.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  expect(await windowsState(app)).toHaveLength(1);

  // The shop's screens are refused by main even if the page is pushed there.
  await kiosk.evaluate(() => {
    window.location.hash = '#/contacts';
  });
  await expect(kiosk).toHaveURL(/#\/kiosk$/);
  const search = await kiosk.evaluate(() => (window as unknown as { api: { contacts: { search(a: object): Promise<unknown> } } }).api.contacts.search({}));
  expect(search).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });

  await kiosk.getByRole('button', { name: 'Exit kiosk' }).click();
  await kiosk.getByLabel('Owner PIN', { exact: true }).fill('1111');
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('alert')).toHaveText('That PIN is not right. The kiosk stays open.');

  const mainWindow = app.waitForEvent('window');
  await kiosk.getByLabel('Owner PIN', { exact: true }).fill('2468');
  await kiosk.keyboard.press('Enter');
  const main = await mainWindow;
  await expect.poll(async () => (await windowsState(app)).map((w) => w.kiosk)).toEqual([false]);
  await expect(main.getByRole('navigation')).toBeVisible();
});

test('a kiosk left on when the app quit comes back as the kiosk window after a restart', async () => {
  launched = await launchApp({ dataDir });
  await wizardAndPin(launched.page);
  await openKiosk(launched.app, launched.page);
  await launched.close();

  launched = await launchApp({ dataDir });
  const { app, page } = launched;
  await expect(page.getByRole('heading', { name: KIOSK_TITLE })).toBeVisible();
  expect(await windowsState(app)).toMatchObject([{ url: 'app://outreach/index.html#/kiosk', kiosk: true }]);
});
