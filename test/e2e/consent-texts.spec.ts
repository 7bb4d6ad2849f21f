import type { Page } from '@playwright/test';
import { defaultConsentText } from '../../shared/domain/consent/texts';
import { completeWizard, expect, test } from './fixtures';
import { fill, MESSAGES, switchLocale } from './locale-check';

type Version = { kind: string; locale: string; version: number; text: string };

/** The stored texts of one language, read from the bridge as the renderer would. */
async function storedTexts(page: Page, locale: string): Promise<{ current: Version[]; history: Version[] }> {
  return page.evaluate(async (locale) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="od-bridge-token"]')?.content ?? '';
    const response = await fetch(`/api/${encodeURIComponent('consent:texts')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': token },
      body: JSON.stringify({ locale }),
    });
    return (await response.json()).value;
  }, locale);
}

test('switching the language reloads the consent-text boxes, and a save stores the text under the language shown', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url, 'Café Sol');
  const en = MESSAGES.en.counter.texts;
  const es = MESSAGES.es.counter.texts;
  const englishBox = page.getByLabel(new RegExp(`^${en.kind.optin_statement}`));
  await expect(englishBox).toHaveValue(defaultConsentText('optin_statement', 'en'));

  await switchLocale(page, 'es');
  // The box under the Spanish label holds the Spanish text, not the English one it showed a moment ago.
  const spanishBox = page.getByLabel(new RegExp(`^${es.kind.optin_statement}`));
  await expect(spanishBox).toHaveValue(defaultConsentText('optin_statement', 'es'));

  const edited = `${defaultConsentText('optin_statement', 'es')} ¡Gracias!`;
  await spanishBox.fill(edited);
  await page.getByRole('button', { name: fill(es.save, { kind: es.kind.optin_statement }) }).click();
  await expect(page.getByText(fill(es.saved, { version: 2 }))).toBeVisible();

  const spanish = await storedTexts(page, 'es');
  expect(spanish.current.find((v) => v.kind === 'optin_statement')).toMatchObject({ locale: 'es', version: 2, text: edited });
  const english = await storedTexts(page, 'en');
  expect(english.history.filter((v) => v.kind === 'optin_statement')).toEqual([
    expect.objectContaining({ locale: 'en', version: 1, text: defaultConsentText('optin_statement', 'en') }),
  ]);
});
