import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A running web bridge on its own empty data folder. */
export interface Bridge {
  url: string;
  dataDir: string;
  token: string;
}

/** Starts `main/web-bridge-cli.ts` as the user's `npm run web` would, on a fresh temp data folder. */
export async function startBridge(env: Record<string, string> = {}): Promise<{ bridge: Bridge; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'od-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/web-bridge-cli.ts'], {
    env: { ...process.env, OUTREACH_DESK_DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`bridge exited with ${code}: ${stderr}`)));
  });
  const html = await (await fetch(url)).text();
  const token = /name="od-bridge-token" content="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
  return {
    bridge: { url, dataDir, token },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Playwright test with a fresh bridge per test. */
export const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({}, use) => {
    const { bridge, stop } = await startBridge();
    await use(bridge);
    await stop();
  },
});

/** First run as a new user does it: a Spanish shop (+34 612 34 56 78) in sandbox mode, ending on Settings. */
export async function completeWizard(page: Page, url: string, businessName = 'Panadería Lucía'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Business name').fill(businessName);
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // The wizard lands on Getting started; callers of this helper carry on from Settings.
  await expect(page.getByRole('heading', { name: 'Getting started', level: 1 })).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
}

/** Fails the test with the list of violations when axe finds any on the current page. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export { expect };
