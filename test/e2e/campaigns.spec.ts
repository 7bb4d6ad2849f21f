import type { Page } from '@playwright/test';
import { completeWizard, expect, expectAccessible, test } from './fixtures';

/** Calls the app's own bridge API from the page, as the renderer does. */
async function call<T = unknown>(page: Page, channel: string, args: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, args }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="od-bridge-token"]')?.content ?? '';
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify(args),
      });
      return response.json();
    },
    { channel, args },
  );
  expect(result.ok, `${channel}: ${JSON.stringify(result.error)}`).toBe(true);
  return result.value as T;
}

const CSV = [
  'phone,name,tags,consent date,purpose,consent method',
  '600111001,Ana,vip,2026-11-01,marketing,paper form',
  '600111002,Bea,vip,2026-11-01,marketing,paper form',
  '600111003,Dani,vip,2026-11-01,marketing,paper form',
  '600111004,Eva,vip,2026-11-01,utility,paper form',
  '600111005,Fede,staff,2026-11-01,marketing,paper form',
].join('\n');

test('a marketing campaign for a tag: dry run skips the opted-out and utility-only, sends, and the funnel matches the emulator', async ({ page, bridge }) => {
  test.setTimeout(90_000);
  await completeWizard(page, bridge.url);

  // Contacts with past consent, imported (no welcome messages); Dani then sends STOP.
  const summary = await call<{ created: number }>(page, 'import:run', {
    text: CSV,
    fileName: 'customers.csv',
    mapping: { phone: 0, name: 1, tags: 2, consentDate: 3, purpose: 4, consentMethod: 5 },
    hasHeader: true,
    attester: 'Lucía',
  });
  expect(summary).toBeTruthy();
  await call(page, 'sandbox:simulateInbound', { phone: '+34600111003', text: 'STOP' });
  await expect
    .poll(async () => (await call<{ items: { name: string; consent: { marketing: { state: string } } }[] }>(page, 'contacts:search', { text: 'Dani' })).items[0]?.consent.marketing.state, { timeout: 10_000 })
    .toBe('opted_out');

  // Templates synced from the account.
  await page.getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Sync templates' }).click();
  await expect(page.getByText(/weekly_offer/).first()).toBeVisible();

  // Build the campaign.
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
  await expectAccessible(page, 'campaigns list (empty)');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Campaign name').fill('Weekend bread offer');
  const template = page.getByLabel('Template', { exact: true });
  // Paused and disabled templates are listed but cannot be chosen.
  await expect(template.locator('option', { hasText: 'paused_promo' })).toBeDisabled();
  await expect(template.locator('option', { hasText: 'disabled_promo' })).toBeDisabled();
  await template.selectOption('weekly_offer|en_US');
  await page.getByRole('checkbox', { name: 'vip' }).check();
  await page.getByLabel('Value for {{offer}}').selectOption('text');
  await page.getByLabel('Text for {{offer}}').fill('2x1 on sourdough');
  await expect(page.getByTestId('campaign-preview')).toContainText(/Hi \w+, this week: 2x1 on sourdough\./);
  await expectAccessible(page, 'campaign form');
  await page.getByRole('button', { name: 'Save and run the dry run' }).click();

  // The dry run: 2 of the 4 tagged contacts get it; Dani (opted out) and Eva (utility only) are skipped.
  await expect(page.getByTestId('dry-run-summary')).toHaveText('2 of 4 contacts in this audience will get it: 2 template messages.');
  const skipped = page.getByTestId('skipped-table');
  await expect(skipped.getByRole('row', { name: /Dani/ })).toContainText('Opted out');
  await expect(skipped.getByRole('row', { name: /Eva/ })).toContainText('No consent for this kind of message');
  await expect(skipped.locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page, 'campaign dry run');

  // Send now: the progress bar reaches 100 % and the funnel fills in as WhatsApp reports statuses.
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('campaign-progress-text')).toHaveText(/^100 % — 2 of 2 messages done$/, { timeout: 20_000 });
  await expect(page.getByRole('progressbar', { name: 'Sending progress' })).toHaveAttribute('value', '2');
  const funnel = page.getByTestId('funnel-table');
  await expect(funnel.locator('tr[data-stage="read"] td')).toHaveText('2', { timeout: 20_000 });

  const record = (await call<{ to: string; templateName?: string }[]>(page, 'sandbox:sent')).filter((m) => m.templateName === 'weekly_offer');
  expect(record.map((m) => m.to).sort()).toEqual(['34600111001', '34600111002']);
  for (const stage of ['queued', 'accepted', 'sent', 'delivered', 'read']) {
    await expect(funnel.locator(`tr[data-stage="${stage}"] td`)).toHaveText(String(record.length));
  }
  await expect(funnel.locator('tr[data-stage="failed"] td')).toHaveText('0');
  await expect(page.getByRole('img', { name: /Delivery funnel: Queued 2, Accepted 2, Sent 2, Delivered 2, Read 2, Failed 0/ })).toBeVisible();
  await expectAccessible(page, 'campaign funnel');

  // The export has one row per recipient, with who was skipped and why.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^campaign-weekend-bread-offer-\d{4}-\d{2}-\d{2}\.csv$/);

  // Back to the list: the campaign is completed, reachable by keyboard.
  await page.getByRole('button', { name: /All campaigns/ }).click();
  const row = page.getByRole('row', { name: /Weekend bread offer/ });
  await expect(row).toContainText('Completed');
  await expect(row).toContainText('100 %');
  await page.getByRole('button', { name: 'Open Weekend bread offer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('funnel-table')).toBeVisible();
});
