import { completeWizard, expect, expectAccessible, test } from './fixtures';

test('consent tools: create a website opt-in widget and ask a customer for consent by SMS (copy-and-send path)', async ({ page, bridge, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await completeWizard(page, bridge.url);
  await page.getByRole('link', { name: 'Consent tools' }).click();
  await expect(page.getByRole('heading', { name: 'Consent tools', level: 1 })).toBeVisible();
  await expectAccessible(page, 'consent tools (empty)');

  const widgets = page.getByRole('region', { name: 'Website opt-in widgets' });
  await widgets.getByLabel('Name').fill('Website footer');
  await widgets.getByLabel('Offers and news').check();
  await widgets.getByRole('button', { name: 'Create widget' }).click();
  const row = widgets.getByRole('listitem').filter({ hasText: 'Website footer' });
  await expect(row).toContainText(/Code [A-Z0-9]{5}/);
  await row.getByRole('button', { name: 'Copy snippet' }).click();
  // The copy fetches the snippet from main first: read the clipboard only once the page says it is done.
  await expect(row.getByRole('status')).toHaveText(/Copied\./);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const code = /code ([A-Z0-9]{5})/.exec(snippet)?.[1];
  expect(code).toBeTruthy();
  await expect(row).toContainText(`Code ${code}`);
  expect(snippet).toContain('34612345678');
  expect(snippet).toContain('<script>');

  const request = page.getByRole('region', { name: 'Ask for consent by SMS or email' });
  await request.getByLabel('Customer’s mobile number').fill('600 11 22 33');
  await request.getByLabel('Staff member').fill('Marta');
  await request.getByRole('button', { name: 'Preview' }).click();
  await expect(request.getByText('Exactly this will be sent:')).toBeVisible();
  await expect(request).toContainText('Panadería Lucía');
  await expect(request).toContainText('Reply YES to confirm, STOP to opt out');
  await request.getByRole('button', { name: 'I sent it myself' }).click();
  await expect(request.getByText('Request sent. It waits for the customer’s YES.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Waiting for YES' })).toContainText('+34 600 11 22 33');
  await expectAccessible(page, 'consent tools with a widget and a pending request');

  // The customer answered YES by SMS to a phone the shop does not poll: staff log it.
  const pending = page.getByRole('region', { name: 'Waiting for YES' });
  await pending.getByRole('button', { name: 'Customer replied YES' }).click();
  await expect(pending.getByText('No requests are waiting.')).toBeVisible();
  await page.keyboard.press('F3');
  await page.getByRole('searchbox').fill('600112233');
  await expect(page.getByText(/1 contact/)).toBeVisible();
});
