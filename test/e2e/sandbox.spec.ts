import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** First run in sandbox mode, as first-run.spec.ts does it. */
async function completeWizard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Business name').fill('Panadería Lucía');
  await page.getByLabel('Country').selectOption('ES');
  await page.getByLabel('WhatsApp number').fill('612 34 56 78');
  await page.getByRole('radio', { name: /sandbox mode/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Getting started', level: 1 })).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** Status webhooks arrive within ~2.5 s; a second message to the same customer waits out the 6 s pair spacing. */
const DELIVERY = { timeout: 15_000 };

test('a sandbox shop sends the welcome and an order-ready notification, then the customer sends STOP', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);

  // Settings → Connection says sandbox mode is on.
  await expect(page.getByRole('heading', { name: 'WhatsApp connection' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Sandbox mode' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('Sandbox mode: the built-in emulator answers; nothing reaches real customers.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  await expectAccessible(page, 'settings with the connection section');

  // An opt-in at the counter, by keyboard only.
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Customer’s WhatsApp number')).toBeFocused();
  await page.keyboard.type('600 11 22 33');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Marta');
  await page.keyboard.press('Enter');
  await expect(page.locator('.counter-form [role="status"]')).toContainText('Saved — Ana (+34 600 11 22 33)');
  // The counter's notification panel picks up the customer just saved.
  await expect(page.getByText('To: Ana (+34 600 11 22 33)')).toBeVisible();

  // Find the contact (F3, search) and open it.
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await page.getByLabel('Search by name or number').fill('Ana');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await page.getByLabel('Search by name or number').press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ana', level: 1 })).toBeVisible();

  // The welcome message went out by itself and its status comes back from the emulator.
  const messages = page.locator('.contact-messages .message-list');
  const welcome = messages.locator('.message').filter({ hasText: 'Welcome message: optin_welcome' });
  await expect(welcome.locator('.message-state')).toHaveText(/^(Delivered|Read)$/, DELIVERY);
  await expect(page.getByText('Only templates can be sent: the customer has not written in the last 24 hours.')).toBeVisible();

  // "Your order is ready": sync, choose, fill, preview, send.
  await page.getByRole('button', { name: 'Sync templates' }).click();
  await expect(page.getByText('Templates synced.')).toBeVisible();
  const templateSelect = page.getByLabel('Template', { exact: true });
  await expect(templateSelect.locator('option', { hasText: 'paused_promo' })).toBeDisabled();
  await templateSelect.selectOption({ label: 'order_ready (en_US, utility)' });
  await expect(page.getByLabel('Value 1', { exact: true })).toHaveValue('Ana');
  await page.getByLabel('Value 1', { exact: true }).fill('Ana');
  await page.getByLabel('Value 2', { exact: true }).fill('A-1042');
  const preview = page.locator('.template-preview');
  await expect(preview).toContainText('Order ready');
  await expect(preview).toContainText('Hi Ana, order A-1042 is ready.');
  await page.getByRole('button', { name: 'Send notification' }).click();
  await expect(page.getByText('Queued: order_ready.')).toBeVisible();
  const notification = messages.locator('.message').filter({ hasText: 'Notification: order_ready' });
  await expect(notification).toHaveCount(1);
  await expect(notification.locator('.message-state')).toHaveText(/^(Delivered|Read)$/, DELIVERY);
  // The conversation shows the template as the customer read it, not just its name.
  await expect(notification.locator('.message-rendered .preview-header')).toHaveText('Order ready');
  await expect(notification.locator('.message-rendered')).toContainText('Hi Ana, order A-1042 is ready.');

  // The customer writes back (the sandbox plays the customer): their message joins the conversation, after ours.
  const conversation = page.getByRole('region', { name: 'Conversation with Ana' });
  await expect(conversation).toHaveAttribute('tabindex', '0');
  await page.getByLabel('Customer’s message').fill('Can I pick it up at 6?');
  await page.getByRole('button', { name: 'Send as customer' }).click();
  const question = conversation.getByRole('listitem').filter({ hasText: 'Can I pick it up at 6?' });
  await expect(question).toContainText('Ana wrote');
  await expect(conversation.getByRole('listitem').last()).toContainText('Can I pick it up at 6?');
  await expect(question).toHaveClass(/message-inbound/);
  await expectAccessible(page, 'contact page with the customer’s message');

  // The customer replies STOP from their phone (the sandbox plays the customer).
  await page.getByRole('button', { name: 'Customer sends STOP' }).click();
  const header = page.locator('.contact-header');
  await expect(header.getByText('order updates: opted out')).toBeVisible();
  await expect(header.getByText('offers and news: opted out')).toBeVisible();
  await expect(conversation.locator('.message-inbound').filter({ hasText: /^Ana wrote.*STOP$/ })).toHaveCount(1);
  const ack = messages.locator('.message').filter({ hasText: 'Unsubscribe confirmation' });
  await expect(ack).toContainText("Panadería Lucía: you're unsubscribed");
  // A STOP opens no door to free-form texts (issue 12.2): the reply box says why, until the customer writes again.
  await expect(page.getByText(/^Will not be sent: opted out on /)).toBeVisible();
  await expect(page.getByLabel('Your reply')).toHaveCount(0);
  await expectAccessible(page, 'contact page with messages');
});
