import { completeWizard, expect, test } from './fixtures';

test('F3 opens Contacts with the cursor in the search box, from any page and on Contacts itself', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  const search = page.getByRole('searchbox', { name: 'Search by name or number' });

  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await expect(search).toBeFocused();

  // Already on Contacts with the cursor elsewhere: F3 brings it back to the search box.
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).click();
  await expect(search).not.toBeFocused();
  await page.keyboard.press('F3');
  await expect(search).toBeFocused();

  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await page.keyboard.press('F3');
  await expect(search).toBeFocused();
});
