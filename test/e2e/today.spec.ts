import type { Page } from '@playwright/test';
import { completeWizard, expect, expectAccessible, test } from './fixtures';

/** One in-person opt-in at the counter by keyboard (as counter.spec.ts does it). */
async function optInAtCounter(page: Page, phone: string, name: string): Promise<void> {
  await page.keyboard.press('F2');
  await expect(page.getByLabel('Customer’s WhatsApp number')).toBeFocused();
  await page.keyboard.type(phone);
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // order updates
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // offers and news
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // the customer agrees
  await page.keyboard.press('Tab');
  await page.keyboard.type('Marta');
  await page.keyboard.press('Enter');
  await expect(page.locator('.counter-form [role="status"]')).toContainText('opted in');
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);

test('Today shows empty states on a new install, then the opt-in logged at the counter', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(count(page, 'optIns')).toHaveText('0');
  await expect(page.getByText('No opt-ins yet — log one at the Counter (F2) or share an entry point.')).toBeVisible();
  await expect(page.getByText('No messages sent yet', { exact: false })).toBeVisible();
  await expect(page.getByText('No one withdrew consent in this period.')).toBeVisible();
  await expectAccessible(page, 'today (empty)');

  await optInAtCounter(page, '600 11 22 33', 'Ana');
  await page.getByRole('link', { name: 'Today' }).click();
  // One act for two purposes is one opt-in.
  await expect(count(page, 'optIns')).toHaveText('1');
  const chart = page.getByRole('img', { name: /Opt-ins per day over the last 30 days, by method: 1 in all \(At the counter: 1\)/ });
  await expect(chart).toBeVisible();
  await expect(page.getByText('No opt-ins yet', { exact: false })).toHaveCount(0);
  // The welcome message goes out through the sandbox; the page follows it without a reload.
  await expect(count(page, 'read')).toHaveText('1', { timeout: 15_000 });
  await page.getByRole('group').filter({ hasText: 'Show as a table' }).first().locator('summary').click();
  await expect(page.getByRole('table', { name: 'Opt-ins per day by method' }).getByRole('columnheader', { name: 'At the counter' })).toBeVisible();

  await page.getByLabel('Period').selectOption('7');
  await expect(page.getByRole('img', { name: /over the last 7 days, by method: 1 in all/ })).toBeVisible();
  await expectAccessible(page, 'today (with data)');
});

test('Templates lists the synced catalogue with rendered bodies, marks a disabled one and saves a mapping', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
  await expect(page.getByText('No templates yet', { exact: false })).toBeVisible();
  await expectAccessible(page, 'templates (empty)');

  await page.getByRole('button', { name: 'Sync templates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Templates synced' })).toBeVisible();
  const orderReady = page.getByRole('article', { name: 'order_ready · en_US' });
  await expect(orderReady.getByText('Hi [1], order [2] is ready.')).toBeVisible();
  await expect(orderReady.getByText('Utility (order updates)')).toBeVisible();
  await expect(orderReady.getByText('Approved')).toBeVisible();

  const disabled = page.getByRole('article', { name: 'disabled_promo · en_US' });
  await expect(disabled.getByText('Disabled by WhatsApp')).toBeVisible();
  await expect(disabled.getByText('Cannot be sent', { exact: false })).toBeVisible();
  await expect(page.getByRole('article', { name: 'paused_promo · en_US' }).getByText('Paused by WhatsApp')).toBeVisible();
  await expectAccessible(page, 'templates (synced)');

  await orderReady.getByRole('group', { name: 'Placeholder {{1}} in the body' }).getByLabel('Fill with').selectOption('name');
  await orderReady.getByRole('group', { name: 'Placeholder {{2}} in the body' }).getByLabel('Fill with').selectOption({ label: 'Always the same text' });
  await orderReady.getByLabel('Text for {{2}}').fill('A-17');
  await expect(orderReady.getByText('Hi [customer name], order A-17 is ready.')).toBeVisible();
  await orderReady.getByRole('button', { name: 'Save placeholders' }).click();
  await expect(orderReady.getByRole('status').filter({ hasText: 'Placeholders saved.' })).toBeVisible();

  // Saved in main: still there after a reload.
  await page.reload();
  const again = page.getByRole('article', { name: 'order_ready · en_US' });
  await expect(again.getByText('Hi [customer name], order A-17 is ready.')).toBeVisible();
  await expect(again.getByLabel('Text for {{2}}')).toHaveValue('A-17');
});
