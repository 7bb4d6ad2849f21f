import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { completeWizard, expect, expectAccessible, startBridge, test } from './fixtures';

/** Calls a channel from the page as the renderer would (same origin, the page's own bridge token). */
function callFromPage(page: Page, channel: string, args: unknown = {}) {
  return page.evaluate(
    async ({ channel, args }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="od-bridge-token"]')?.content ?? '';
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify(args),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string } };
    },
    { channel, args },
  );
}

async function setPin(page: Page, pin: string): Promise<void> {
  await page.getByLabel('New PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('PIN saved.', { exact: false })).toBeVisible();
}

const KIOSK_TITLE = 'Get messages from Panadería Lucía on WhatsApp';

test('opening the kiosk without an owner PIN asks the owner to set one first', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Open kiosk screen' }).click();
  await expect(page.getByRole('alert')).toContainText('Set an owner PIN before opening the kiosk');
  await expect(page).toHaveURL(/#\/counter$/);
  await expect(page.getByRole('heading', { name: KIOSK_TITLE })).toHaveCount(0);

  await page.getByRole('button', { name: 'Set the owner PIN' }).click();
  await expect(page.getByLabel('New PIN')).toBeFocused();
  await setPin(page, '2468');
  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Open kiosk screen' }).click();
  await expect(page.getByRole('heading', { name: KIOSK_TITLE })).toBeVisible();
});

test('the kiosk holds across a reload, a new tab and a restart of the services, and refuses staff channels', async ({ page, context }) => {
  test.setTimeout(180_000); // two bridge starts and a restart on a shared 2-core machine
  // One data folder for two runs of the bridge: the second run is the app started again.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'od-e2e-kiosk-'));
  const first = await startBridge({ OUTREACH_DESK_DATA_DIR: dataDir });
  let second: Awaited<ReturnType<typeof startBridge>> | undefined;
  try {
    await completeWizard(page, first.bridge.url);
    await setPin(page, '2468');
    await page.keyboard.press('F2');
    await page.getByRole('button', { name: 'Open kiosk screen' }).click();
    const title = page.getByRole('heading', { name: KIOSK_TITLE });
    await expect(title).toBeVisible();

    await page.reload();
    await expect(title).toBeVisible();
    await expect(page).toHaveURL(/#\/kiosk$/);

    // A new tab typed straight to the contacts is put back on the kiosk, and main refuses the search anyway.
    const tab = await context.newPage();
    await tab.goto(`${first.bridge.url}#/contacts`);
    await expect(tab.getByRole('heading', { name: KIOSK_TITLE })).toBeVisible();
    await expect(tab).toHaveURL(/#\/kiosk$/);
    expect(await callFromPage(tab, 'contacts:search', {})).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });
    expect(await callFromPage(tab, 'export:eventsCsv')).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });
    expect(await callFromPage(tab, 'owner:unlock', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });
    await tab.close();

    await first.stop();
    second = await startBridge({ OUTREACH_DESK_DATA_DIR: dataDir });
    await page.goto(`${second.bridge.url}#/settings`);
    await expect(page.getByRole('heading', { name: KIOSK_TITLE })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expectAccessible(page, 'kiosk after a restart');

    await page.getByRole('button', { name: 'Exit kiosk' }).click();
    const exit = page.getByRole('dialog', { name: 'Owner PIN to leave the kiosk' });
    await exit.getByLabel('Owner PIN').fill('1357');
    await page.keyboard.press('Enter');
    await expect(exit.getByRole('alert')).toHaveText('That PIN is not right. The kiosk stays open.');
    expect(await callFromPage(page, 'contacts:search', {})).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });

    await exit.getByLabel('Owner PIN').fill('2468');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
    expect(await callFromPage(page, 'contacts:search', {})).toMatchObject({ ok: true });
  } finally {
    await second?.stop();
    if (!second) await first.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a locked-out PIN says how long to wait, in the UI language', async ({ page, bridge }) => {
  test.setTimeout(120_000); // 7.5 s of real back-off before the lockout
  await completeWizard(page, bridge.url);
  await setPin(page, '2468');
  await page.getByRole('button', { name: 'Lock now' }).click();
  // Five wrong PINs back off 0.5 + 1 + 2 + 4 s before the lockout; the page then says how long it lasts.
  for (let i = 0; i < 4; i++) expect(await callFromPage(page, 'owner:unlock', { pin: '1111' })).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Unlock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Owner PIN needed' });
  await dialog.getByLabel('Owner PIN').fill('1111');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(/^Too many wrong PINs\. You can try again in (60|59|58) seconds\.$/, { timeout: 15_000 });
  // Even the right PIN waits for the lockout to pass.
  await dialog.getByLabel('Owner PIN').fill('2468');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(/^Too many wrong PINs\./);
});
