import { completeWizard, expect, expectAccessible, test } from './fixtures';
import { expectNoEnglish, switchLocale } from './locale-check';

test('a new user completes the first-run wizard and sees the saved profile after a reload', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Outreach Desk' })).toBeVisible();
  await expectAccessible(page, 'first-run wizard');

  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // The wizard lands on Getting started, not on Settings behind a warning about secrets nobody stored.
  await expect(page.getByRole('heading', { name: 'Getting started', level: 1 })).toBeVisible();
  await expect(page.getByTestId('getting-started-progress')).toHaveText('0 of 4 done');
  await expectAccessible(page, 'getting started');
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(/stored without encryption|without the system keychain/i)).toHaveCount(0);
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
  await expect(page.getByRole('heading', { name: 'Getting started', level: 1 })).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'settings');

  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
  await expectAccessible(page, 'settings in Spanish');
});

test('Getting started ticks itself as the owner makes an entry point and logs an opt-in', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('getting-started-progress')).toHaveText('0 of 4 done');

  // Real data, through the bridge API the pages use: an entry point (what a poster is printed from), an opt-in.
  await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="od-bridge-token"]')?.content ?? '';
    const post = (channel: string, args: unknown) =>
      fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bridge-token': token }, body: JSON.stringify(args) });
    await post('entryPoints:create', { kind: 'qr', name: 'Counter poster' });
    await post('import:run', {
      text: 'phone,name,consent date,purpose,consent method\n600111001,Ana,2026-11-01,marketing,paper form',
      fileName: 'customers.csv',
      mapping: { phone: 0, name: 1, consentDate: 2, purpose: 3, consentMethod: 4 },
      hasHeader: true,
      attester: 'Lucía',
    });
  });
  await page.evaluate(() => {
    window.location.hash = '#/today';
  });
  await page.evaluate(() => {
    window.location.hash = '#/getting-started';
  });
  await expect(page.locator('[data-step="poster"]')).toHaveAttribute('data-done', 'true');
  await expect(page.locator('[data-step="optIn"]')).toHaveAttribute('data-done', 'true');
  await expect(page.locator('[data-step="connect"]')).toHaveAttribute('data-done', 'false');
});

for (const locale of ['es', 'pt', 'hi'] as const) {
  test(`Getting started in ${locale} shows no English left over and passes axe`, async ({ page, bridge }) => {
    await completeWizard(page, bridge.url);
    await switchLocale(page, locale);
    await page.goto(`${bridge.url}#/getting-started`);
    await expect(page.getByTestId('getting-started')).toBeVisible();
    await expectNoEnglish(page, locale, '#/getting-started');
    await expectAccessible(page, `getting started in ${locale}`);
  });
}
