import { expect, expectAccessible, test } from './fixtures';

test('a new user completes the first-run wizard and sees the saved profile after a reload', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Outreach Desk' })).toBeVisible();
  await expectAccessible(page, 'first-run wizard');

  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Panadería Lucía').first()).toBeVisible();
  await expect(page.getByText('Saved number: +34 612 34 56 78')).toBeVisible();
  await expect(page.getByText('Sandbox: nothing is sent to real customers')).toBeVisible();
});

test('an invalid number shows the field error and nothing is saved', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByLabel('Business name').fill('Corner Shop');
  await page.getByLabel('Country').selectOption('GB');
  await page.getByLabel('WhatsApp number').fill('12');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  const phone = page.getByLabel('WhatsApp number');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText(/too short|not a valid/);
  await expect(phone).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Outreach Desk' })).toBeVisible();
});

test('the settings page passes axe and saves changes', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByLabel('Business name').fill('Kiosco Sol');
  await page.getByLabel('Country').selectOption('MX');
  await page.getByLabel('WhatsApp number').fill('55 1234 5678');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'settings');

  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
  await expectAccessible(page, 'settings in Spanish');
});
