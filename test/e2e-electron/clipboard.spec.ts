import { expect, test } from '@playwright/test';
import { completeWizard, createEntryPoint, expectedLink, launchApp, skipWithoutElectron, type LaunchedApp } from './launch';

/*
 * Copy in real Electron: Chromium asks the session's permission handler for clipboard-sanitized-write, which the
 * Chromium suite grants through Playwright and a deny-all handler refused (issue 11.4). Read back through Electron's
 * own clipboard module, so what is checked is the system clipboard, not the page's idea of it.
 */

let launched: LaunchedApp | undefined;

test.beforeEach(async () => {
  skipWithoutElectron();
  launched = await launchApp();
});

test.afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

test('Copy link puts the exact wa.me link on the system clipboard', async () => {
  const { app, page } = launched!;
  await app.evaluate(({ clipboard }) => clipboard.writeText('something else'));
  await completeWizard(page);
  const text = 'Hola, ¿está listo mi pedido?';
  const ref = await createEntryPoint(page, /^Link/, 'Instagram bio', text);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(expectedLink(text, ref));
});
