import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';

/*
 * The one launch/skip helper of the Electron end-to-end specs. They need an Electron binary (`npm install electron`
 * with network) and a build (`npm run build`). Without the binary every spec skips, and the reason is printed once.
 */

/** The project folder: Electron is started on it so it reads package.json (name, version, main) as packaged. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Electron executable path, or why there is none: require('electron') returns it only when installed. */
export function electronBinary(): { path: string } | { reason: string } {
  try {
    const found = createRequire(import.meta.url)('electron') as unknown;
    if (typeof found === 'string' && existsSync(found)) return { path: found };
    return { reason: `require('electron') gave ${JSON.stringify(found)}, which is not an executable` };
  } catch (error) {
    return { reason: `no Electron binary: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

const binary = electronBinary();
/** Why the Electron specs cannot run here, or null when they can. */
export const skipReason: string | null = 'reason' in binary ? `Electron end-to-end tests skipped (${binary.reason}).` : null;
let told = false;

/** Skips the current test with the printed reason when there is no binary; call first in beforeEach or a test. */
export function skipWithoutElectron(): void {
  if (skipReason && !told) {
    told = true;
    console.log(skipReason);
  }
  test.skip(skipReason !== null, skipReason ?? '');
}

/** One running app on its own throwaway data folder. */
export interface LaunchedApp {
  app: ElectronApplication;
  /** The first window (the app, or the recovery window when start-up failed). */
  page: Page;
  /** OUTREACH_DESK_DATA_DIR of this run. */
  dataDir: string;
  /** Closes the app and deletes the data folder (unless it was given by the caller). */
  close(): Promise<void>;
}

/** Options of {@link launchApp}. */
export interface LaunchOptions {
  /** Use this data folder (kept after close) instead of a fresh temporary one. */
  dataDir?: string;
  /** Extra environment for the app. */
  env?: Record<string, string>;
  /** Prepares the data folder before the app starts (e.g. to make start-up fail). */
  prepare?: (dataDir: string) => Promise<void>;
}

/** Starts the built app (dist/) in real Electron. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  for (const built of ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'od-electron-')));
  await options.prepare?.(dataDir);
  const app = await electron.launch({
    // Root runs (CI containers) cannot use Chromium's sandbox helper.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, OUTREACH_DESK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1', ...options.env } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDir,
    async close() {
      await app.close().catch(() => undefined);
      if (owned) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first-run wizard, as a new shop fills it in (sandbox mode, so nothing reaches WhatsApp). */
export async function completeWizard(page: Page, businessName = 'Café Sol'): Promise<void> {
  await page.getByLabel('Business name').fill(businessName);
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { name: 'Getting started', level: 1 }).waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
}

/** The wa.me link an entry point of the wizard's shop must produce, computed here rather than by the app. */
export function expectedLink(prefilled: string, ref: string): string {
  return `https://wa.me/34612345678?text=${encodeURIComponent(`${prefilled} (ref ${ref})`)}`;
}

/** Creates one entry point in the editor; returns the ref code the page shows for it. */
export async function createEntryPoint(page: Page, kind: RegExp, name: string, prefilled: string): Promise<string> {
  await page.getByRole('link', { name: 'Entry points' }).click();
  await page.getByRole('button', { name: 'New entry point' }).click();
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Prefilled message').fill(prefilled);
  await page.getByRole('button', { name: 'Create entry point' }).click();
  await page.getByText(/^Saved\. Ref code [A-Z0-9]{4,8}\.$/).waitFor();
  return page.getByLabel('Ref code').inputValue();
}
