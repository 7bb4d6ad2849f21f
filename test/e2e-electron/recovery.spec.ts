import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, skipWithoutElectron, type LaunchedApp } from './launch';

/*
 * A start-up failure shows the recovery window instead of a silent exit (issue 11.2). The data folder is made
 * unusable by a damaged schema file, which the store refuses to open; backups and the data folder stay offered.
 */

let launched: LaunchedApp | undefined;

test.beforeEach(() => {
  skipWithoutElectron();
});

test.afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

test('a damaged data folder opens the recovery window, which says what happened and offers the way out', async () => {
  launched = await launchApp({
    prepare: async (dataDir) => {
      await writeFile(path.join(dataDir, 'schema.json'), '{ not json');
    },
  });
  const { app, page } = launched;
  expect(page.url()).toBe('app://outreach/recovery/index.html');
  await expect(page.getByRole('heading', { name: 'Outreach Desk could not start' })).toBeVisible();
  await expect(page.getByText(/Some of the saved data is damaged/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the data folder' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quit' })).toBeVisible();
  await page.getByText('Details').click();
  await expect(page.getByText(/schema\.json/)).toBeVisible();
  // The page is sandboxed: no Node, no IPC object, only the two-function bridge.
  const exposed = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    api: typeof (window as unknown as { api?: unknown }).api,
    recovery: Object.keys((window as unknown as { recovery?: object }).recovery ?? {}).sort(),
  }));
  expect(exposed).toEqual({ require: 'undefined', api: 'undefined', recovery: ['act', 'view'] });
  expect(await app.windows()).toHaveLength(1);
});
