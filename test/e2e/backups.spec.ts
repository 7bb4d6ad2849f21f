import { completeWizard, expect, expectAccessible, test } from './fixtures';

test('Settings → Backups: back up now by keyboard, the backup is listed, axe passes', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByText('No backups yet', { exact: false })).toBeVisible();
  await expectAccessible(page, 'settings (no backups)');

  await page.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Backup made.' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Manual');
  await expect(page.getByRole('button', { name: 'Cancel backup' })).toHaveCount(0);
  await expectAccessible(page, 'settings (one backup)');
});
