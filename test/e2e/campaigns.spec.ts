import type { Page } from '@playwright/test';
import { completeWizard, expect, expectAccessible, test } from './fixtures';
import { exactly, expectNoEnglish, fill, MESSAGES, switchLocale, type Locale } from './locale-check';

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

// The same journey in the source language and in Spanish: every name the test looks for comes from the locale's
// messages, so a string the Spanish UI forgot to translate fails the locator or the English check.
for (const locale of ['en', 'es'] as const satisfies Locale[]) {
  test(`[${locale}] a marketing campaign for a tag: the saved mapping prefills it, the dry run skips the opted-out and utility-only, it sends, and the funnel matches the emulator`, async ({
    page,
    bridge,
  }) => {
    test.setTimeout(120_000);
    const m = MESSAGES[locale];
    const mapping = m.dashboard.templates.mapping;
    const slotGroup = (scope: Page | ReturnType<Page['getByRole']>, slot: string) =>
      scope.getByRole('group', { name: fill(mapping.slot, { slot: `{{${slot}}}`, part: mapping.part.body }) });
    /** Accessible and no English left: checked at every step of the journey. */
    const checkpoint = async (where: string) => {
      await expectAccessible(page, `${where} (${locale})`);
      await expectNoEnglish(page, locale, where);
    };
    const percent = (share: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

    await completeWizard(page, bridge.url);
    await switchLocale(page, locale);

    // Contacts with past consent, imported (no welcome messages); Dani then sends STOP.
    await call(page, 'import:run', {
      text: CSV,
      fileName: 'customers.csv',
      mapping: { phone: 0, name: 1, tags: 2, consentDate: 3, purpose: 4, consentMethod: 5 },
      hasHeader: true,
      attester: 'Lucía',
    });
    await call(page, 'sandbox:simulateInbound', { phone: '+34600111003', text: 'STOP' });
    await expect
      .poll(async () => (await call<{ items: { consent: { marketing: { state: string } } }[] }>(page, 'contacts:search', { text: 'Dani' })).items[0]?.consent.marketing.state, { timeout: 10_000 })
      .toBe('opted_out');

    // Templates synced from the account; the owner maps the offer template's placeholders once.
    await page.getByRole('link', { name: m.nav.templates }).click();
    await page.getByRole('button', { name: m.dashboard.templates.sync }).click();
    const weekly = page.getByRole('article', { name: 'weekly_offer · en_US' });
    await expect(weekly).toBeVisible();
    await checkpoint('templates (synced)');
    await slotGroup(weekly, 'first_name').getByLabel(mapping.source).selectOption({ label: mapping.name });
    await slotGroup(weekly, 'first_name').getByLabel(mapping.fallback).fill('amigo');
    await slotGroup(weekly, 'offer').getByLabel(mapping.source).selectOption({ label: mapping.fixed });
    await weekly.getByLabel(fill(mapping.fixedValue, { slot: '{{offer}}' })).fill('2x1 on sourdough');
    await weekly.getByRole('button', { name: mapping.save }).click();
    await expect(weekly.getByRole('status').filter({ hasText: mapping.saved })).toBeVisible();
    await checkpoint('templates (mapping saved)');

    // Build the campaign: choosing the template brings its saved mapping, which stays editable.
    await page.getByRole('link', { name: m.nav.campaigns }).click();
    await expect(page.getByRole('heading', { name: m.campaigns.title, level: 1 })).toBeVisible();
    await checkpoint('campaigns list (empty)');
    await page.getByRole('button', { name: m.campaigns.newCampaign }).click();
    await page.getByLabel(m.campaigns.create.name).fill('Weekend bread offer');
    const template = page.getByLabel(m.campaigns.create.template, { exact: true });
    // Paused and disabled templates are listed but cannot be chosen.
    await expect(template.locator('option', { hasText: 'paused_promo' })).toBeDisabled();
    await expect(template.locator('option', { hasText: 'disabled_promo' })).toBeDisabled();
    await template.selectOption('weekly_offer|en_US');
    const offer = slotGroup(page, 'offer');
    await expect(offer.getByLabel(mapping.source)).toHaveValue('text');
    await expect(offer.getByLabel(fill(mapping.fixedValue, { slot: '{{offer}}' }))).toHaveValue('2x1 on sourdough');
    await expect(slotGroup(page, 'first_name').getByLabel(mapping.source)).toHaveValue('name');
    await expect(slotGroup(page, 'first_name').getByLabel(mapping.fallback)).toHaveValue('amigo');
    await page.getByRole('checkbox', { name: 'vip' }).check();
    await offer.getByLabel(fill(mapping.fixedValue, { slot: '{{offer}}' })).fill('2x1 on sourdough and rye');
    await expect(page.getByTestId('campaign-preview')).toContainText(/Hi \w+, this week: 2x1 on sourdough and rye\./);
    await checkpoint('campaign form');
    await page.getByRole('button', { name: m.campaigns.create.submit }).click();

    // The dry run: 2 of the 4 tagged contacts get it; Dani (opted out) and Eva (utility only) are skipped.
    await expect(page.getByTestId('dry-run-summary')).toHaveText(fill(m.campaigns.dryRun.summary, { send: 2, audience: 4, messages: 2 }));
    const skipped = page.getByTestId('skipped-table');
    await expect(skipped.getByRole('row', { name: /Dani/ })).toContainText(m.campaigns.dryRun.reason.opted_out);
    await expect(skipped.getByRole('row', { name: /Eva/ })).toContainText(m.campaigns.dryRun.reason.no_consent);
    await expect(skipped.locator('tbody tr')).toHaveCount(2);
    await checkpoint('campaign dry run');

    // Send now: the progress bar reaches 100 % and the funnel fills in as WhatsApp reports statuses.
    await page.getByRole('button', { name: m.campaigns.send.now }).click();
    const done = fill(m.campaigns.detail.progressValue, { percent: percent(1), done: 2, total: 2 });
    await expect(page.getByTestId('campaign-progress-text')).toHaveText(exactly(done), { timeout: 20_000 });
    await expect(page.getByRole('progressbar', { name: m.campaigns.detail.progressLabel })).toHaveAttribute('value', '2');
    const funnel = page.getByTestId('funnel-table');
    await expect(funnel.locator('tr[data-stage="read"] td')).toHaveText('2', { timeout: 20_000 });

    const record = (await call<{ to: string; templateName?: string }[]>(page, 'sandbox:sent')).filter((x) => x.templateName === 'weekly_offer');
    expect(record.map((x) => x.to).sort()).toEqual(['34600111001', '34600111002']);
    const stages = ['queued', 'accepted', 'sent', 'delivered', 'read'] as const;
    for (const stage of stages) await expect(funnel.locator(`tr[data-stage="${stage}"] td`)).toHaveText(String(record.length));
    await expect(funnel.locator('tr[data-stage="failed"] td')).toHaveText('0');
    const list = [...stages.map((s) => `${m.campaigns.detail.stages[s]} 2`), `${m.campaigns.detail.stages.failed} 0`].join(', ');
    await expect(page.getByRole('img', { name: fill(m.campaigns.detail.funnelSummary, { list }) })).toBeVisible();

    // Dates in the UI language: when it started, as the detail says it.
    const [started] = await call<{ campaigns: { name: string; startedAt?: string }[] }>(page, 'campaigns:list').then((r) => r.campaigns.map((c) => c.startedAt));
    const when = await page.evaluate(([at, lang]) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at!)), [started, locale]);
    await expect(page.getByText(fill(m.campaigns.detail.startedAt, { when }), { exact: false })).toBeVisible();
    await checkpoint('campaign funnel');

    // The export has one row per recipient, with who was skipped and why.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: m.campaigns.detail.export }).click();
    expect((await download).suggestedFilename()).toMatch(/^campaign-weekend-bread-offer-\d{4}-\d{2}-\d{2}\.csv$/);

    // Back to the list: the campaign is completed, reachable by keyboard.
    await page.getByRole('button', { name: m.campaigns.detail.back }).click();
    const row = page.getByRole('row', { name: /Weekend bread offer/ });
    await expect(row).toContainText(m.campaigns.status.completed);
    await expect(row.getByRole('cell', { name: exactly(fill(m.campaigns.progressText, { percent: percent(1), done: 2, total: 2 })) })).toBeVisible();
    await checkpoint('campaigns list (completed)');
    await page.getByRole('button', { name: fill(m.campaigns.open, { name: 'Weekend bread offer' }) }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('funnel-table')).toBeVisible();
  });
}

test('the campaign form reports every error at once and focuses the first; each clears when fixed; the dry run shows the real messages and will not start with an empty value', async ({ page, bridge }) => {
  test.setTimeout(120_000);
  const m = MESSAGES.en;
  const mapping = m.dashboard.templates.mapping;
  const j = m.campaigns.journey;
  const slotGroup = (slot: string) => page.getByRole('group', { name: fill(mapping.slot, { slot: `{{${slot}}}`, part: mapping.part.body }) });
  await completeWizard(page, bridge.url);
  await call(page, 'import:run', {
    text: ['phone,name,tags,consent date,purpose,consent method', '600111001,Ana,vip,2026-11-01,marketing,paper form', '600111006,,vip,2026-11-01,marketing,paper form'].join('\n'),
    fileName: 'customers.csv',
    mapping: { phone: 0, name: 1, tags: 2, consentDate: 3, purpose: 4, consentMethod: 5 },
    hasHeader: true,
    attester: 'Lucía',
  });
  await call(page, 'templates:sync');

  await page.getByRole('link', { name: m.nav.campaigns }).click();
  await page.getByRole('button', { name: m.campaigns.newCampaign }).click();
  await page.getByRole('button', { name: m.campaigns.create.submit }).click();
  const errors = page.getByTestId('form-errors');
  await expect(errors).toContainText(j.errors.name);
  await expect(errors).toContainText(j.errors.template);
  await expect(page.getByLabel(m.campaigns.create.name)).toBeFocused();
  await expect(page.getByLabel(m.campaigns.create.name)).toHaveAttribute('aria-invalid', 'true');

  // Fixing the name clears its message at once; the template's stays.
  await page.getByLabel(m.campaigns.create.name).fill('Weekend offer');
  await expect(errors).not.toContainText(j.errors.name);
  await expect(page.getByLabel(m.campaigns.create.name)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(errors).toContainText(j.errors.template);

  // Placeholders start unchosen: nothing fills {{offer}} with a customer's name by default.
  await page.getByLabel(m.campaigns.create.template, { exact: true }).selectOption('weekly_offer|en_US');
  await expect(errors).not.toContainText(j.errors.template);
  await expect(slotGroup('first_name').getByLabel(mapping.source)).toHaveValue('unset');
  await expect(slotGroup('offer').getByLabel(mapping.source)).toHaveValue('unset');
  await expect(errors).toContainText(fill(j.errors.slot, { slot: '{{first_name}}' }));
  await expect(errors).toContainText(fill(j.errors.slot, { slot: '{{offer}}' }));
  await expectAccessible(page, 'campaign form with errors');

  await slotGroup('first_name').getByLabel(mapping.source).selectOption({ label: mapping.name });
  await slotGroup('offer').getByLabel(mapping.source).selectOption({ label: mapping.fixed });
  await slotGroup('offer').getByLabel(fill(mapping.fixedValue, { slot: '{{offer}}' })).fill('2x1 bread');
  await expect(errors.locator('li')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'vip' }).check();
  await page.getByRole('button', { name: m.campaigns.create.submit }).click();

  // The dry run renders the exact messages; the customer without a name would get an empty {{first_name}}.
  const previews = page.getByTestId('dry-run-previews');
  await expect(previews).toContainText('Hi Ana, this week: 2x1 bread.');
  await expect(previews).toContainText(fill(j.previewMissing, { slots: '{{first_name}}' }));
  await expect(page.getByTestId('empty-values')).toBeVisible();
  await expect(page.getByRole('button', { name: m.campaigns.send.now })).toHaveCount(0);
  await expectAccessible(page, 'dry run with previews');

  // Edit the draft: a fallback fixes it, and the preview shows what the empty name really sends.
  await page.getByRole('button', { name: j.edit }).click();
  await slotGroup('first_name').getByLabel(mapping.fallback).fill('amigo');
  await page.getByRole('button', { name: j.saveChanges }).click();
  await expect(previews).toContainText('Hi amigo, this week: 2x1 bread.');
  await expect(previews).toContainText(j.previewEmpty);
  await expect(page.getByRole('button', { name: m.campaigns.send.now })).toBeVisible();

  // The schedule form says what is missing on its field and focuses it, instead of a silently disabled button.
  await page.getByRole('button', { name: m.campaigns.send.schedule }).click();
  await expect(page.getByLabel(m.campaigns.send.at)).toBeFocused();
  await expect(page.getByText(j.errors.when)).toBeVisible();
  await page.getByLabel(m.campaigns.send.at).fill('2020-01-01T10:00');
  await expect(page.getByText(j.errors.when)).toHaveCount(0);
  await expect(page.getByText(j.errors.whenPast)).toBeVisible();

  // A test to the shop's own phone first.
  await page.getByRole('button', { name: j.testSend }).click();
  await expect(page.getByText(fill(j.testSent, { phone: '+34 612 34 56 78' }))).toBeVisible();
  const sent = await call<{ to: string; templateName?: string }[]>(page, 'sandbox:sent');
  expect(sent.filter((x) => x.templateName === 'weekly_offer').map((x) => x.to)).toEqual(['34612345678']);
});
