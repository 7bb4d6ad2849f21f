import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { completeWizard, expect, expectAccessible, test } from './fixtures';

/** One in-person opt-in by keyboard only: phone, Tab, name, Tab, Space per wanted purpose, agreement, then save. */
async function optIn(
  page: Page,
  entry: { phone: string; name: string; utility: boolean; marketing: boolean; staff?: string },
  save: 'Enter' | 'Alt+s' = 'Enter',
): Promise<void> {
  await expect(page.getByLabel('Customer’s WhatsApp number')).toBeFocused();
  await page.keyboard.type(entry.phone);
  await page.keyboard.press('Tab');
  await page.keyboard.type(entry.name);
  await page.keyboard.press('Tab');
  if (entry.utility) await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  if (entry.marketing) await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'The customer read this and agrees' })).toBeChecked();
  if (entry.staff !== undefined) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(entry.staff);
  }
  await page.keyboard.press(save);
}

test('counter staff log opt-ins by keyboard, find one, record a STOP and export its proof pack', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);

  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await expect(page.getByText('Will be saved as', { exact: false })).toHaveCount(0);
  const status = page.locator('.counter-form [role="status"]');

  await optIn(page, { phone: '600 11 22 33', name: 'Ana', utility: true, marketing: true, staff: 'Marta' });
  await expect(status).toHaveText('Saved — Ana (+34 600 11 22 33) opted in to order updates and offers and news. New contact.');
  await expect(page.getByLabel('Customer’s WhatsApp number')).toHaveValue('');

  // The statement is shown for what is ticked, and the number is shown as it will be saved.
  await page.keyboard.type('611223344');
  await expect(page.getByText('Will be saved as +34 611 22 33 44')).toBeVisible();
  await page.getByLabel('Customer’s WhatsApp number').press('Control+a');
  await page.keyboard.press('Backspace');

  await optIn(page, { phone: '611 22 33 44', name: 'Luis', utility: true, marketing: false });
  await expect(status).toHaveText('Saved — Luis (+34 611 22 33 44) opted in to order updates. New contact.');
  await optIn(page, { phone: '+34 622 33 44 55', name: 'Rosa', utility: false, marketing: true }, 'Alt+s');
  await expect(status).toHaveText('Saved — Rosa (+34 622 33 44 55) opted in to offers and news. New contact.');
  // The same number again updates the existing contact.
  await optIn(page, { phone: '+34600112233', name: 'Ana', utility: true, marketing: false });
  await expect(status).toHaveText('Saved — Ana (+34 600 11 22 33) opted in to order updates. Existing contact updated.');
  await expect(page.getByLabel('Staff member')).toHaveValue('Marta');
  await expectAccessible(page, 'counter');

  // A missing agreement is refused next to the box.
  await page.keyboard.type('633 44 55 66');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The customer must agree before the opt-in is recorded.');
  await expect(page.getByRole('checkbox', { name: 'The customer read this and agrees' })).toBeFocused();

  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await expect(page.getByText('3 contacts')).toBeVisible();
  await expectAccessible(page, 'contacts list');
  await page.getByLabel('Search by name or number').fill('0034 611-22-33-44');
  await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await page.getByLabel('Search by name or number').press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Luis', level: 1 })).toBeVisible();
  await expect(page.getByText('+34 611 22 33 44').first()).toBeVisible();
  // In sandbox mode the welcome message adds a 'welcomed' event whenever the emulator accepts it.
  await expect(page.getByText(/Record verified: \d+ events?, none altered, removed or reordered\./)).toBeVisible();
  await expectAccessible(page, 'contact page');

  await page.getByLabel('Note (optional)').fill('Asked at the till');
  await page.getByRole('button', { name: 'Record STOP' }).press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Record STOP for Luis?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Yes, record STOP' }).press('Enter');
  await expect(page.getByText('STOP recorded: Luis will get no more order updates and offers and news.')).toBeVisible();
  await expect(page.locator('.contact-header').getByText('order updates: opted out')).toBeVisible();
  await expect(page.getByText(/Record verified: \d+ events, none altered, removed or reordered\./)).toBeVisible();
  // A staff toggle cannot reopen a customer's STOP; the refusal is shown as the service words it.
  await page.getByRole('switch', { name: 'Receive order updates' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('This customer opted out.');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export proof pack (JSON)' }).press('Enter');
  const download = await downloadPromise;
  const pack = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    chain: { ok: boolean };
    contact: { name: string; phone: string };
    events: { type: string; purpose: string; evidence: { staffMember?: string } }[];
  };
  expect(pack.chain.ok).toBe(true);
  expect(pack.contact).toMatchObject({ name: 'Luis', phone: '+34611223344' });
  const consentEvents = pack.events.filter((e) => e.type !== 'welcomed');
  expect(consentEvents.map((e) => `${e.type}:${e.purpose}`)).toEqual(['confirmed:utility', 'revoked:utility', 'revoked:marketing']);
  expect(consentEvents.every((e) => e.evidence.staffMember === 'Marta')).toBe(true);

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Proof pack as PDF' }).press('Enter');
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { name: 'Record of consent to WhatsApp messages', level: 1 })).toBeVisible();
  await expect(page.getByText('The proof pack opened in a new tab', { exact: false })).toBeVisible();
});

test('the kiosk cannot be left without the owner PIN', async ({ page, bridge }) => {
  test.setTimeout(120_000); // a long journey (kiosk, a wrong PIN's back-off, unlock, export) on a shared machine
  await completeWizard(page, bridge.url);
  await expect(page.getByText('Set a PIN to lock the kiosk screen, so customers cannot leave it.')).toBeVisible();
  await page.getByLabel('New PIN').fill('2468');
  await page.getByLabel('Type the PIN again').fill('2468');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('PIN saved.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'settings with owner PIN and consent texts');

  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Open kiosk screen' }).click();
  const kioskTitle = page.getByRole('heading', { name: 'Get messages from Panadería Lucía on WhatsApp' });
  await expect(kioskTitle).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page, 'kiosk');

  // A customer joins by themselves.
  await page.getByLabel('Your WhatsApp number').fill('655 44 33 22');
  await page.getByRole('checkbox', { name: /order updates/ }).check();
  await expect(page.locator('.statement-text')).toContainText('Panadería Lucía');
  await page.getByRole('checkbox', { name: 'I have read this and I agree' }).check();
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Your WhatsApp number')).toBeFocused();

  // Escape, shop shortcuts and Back do not leave.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F3');
  await page.goBack();
  await expect(kioskTitle).toBeVisible();
  await expect(page).toHaveURL(/#\/kiosk$/);

  await page.getByRole('button', { name: 'Exit kiosk' }).click();
  const exit = page.getByRole('dialog', { name: 'Owner PIN to leave the kiosk' });
  await page.getByLabel('Owner PIN', { exact: true }).fill('1111');
  await page.keyboard.press('Enter');
  await expect(exit.getByRole('alert')).toHaveText('That PIN is not right. The kiosk stays open.');
  await page.keyboard.press('Escape');
  await expect(exit).toHaveCount(0);
  await expect(kioskTitle).toBeVisible();

  await page.getByRole('button', { name: 'Exit kiosk' }).click();
  await page.getByLabel('Owner PIN', { exact: true }).fill('2468');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/counter$/);

  // Locked owner mode: an export asks for the PIN, then goes ahead.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByText('Owner mode is locked.')).toBeVisible();
  await page.keyboard.press('F3');
  await page.getByRole('button', { name: 'Export all events (CSV)' }).click();
  const unlock = page.getByRole('dialog', { name: 'Owner PIN needed' });
  await expect(unlock).toBeVisible();
  await expectAccessible(page, 'unlock dialog');
  await unlock.getByLabel('Owner PIN').fill('2468');
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const csv = await readFile(await (await downloadPromise).path(), 'utf8');
  expect(csv).toContain('+34655443322');
});
