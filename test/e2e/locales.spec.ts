import { en } from '../../renderer/i18n/en';
import { es } from '../../renderer/i18n/es';
import { hi } from '../../renderer/i18n/hi';
import { pt } from '../../renderer/i18n/pt';
import { completeWizard, expect, expectAccessible, test } from './fixtures';

const PAGES = ['today', 'entry-points', 'posters', 'counter', 'contacts', 'opt-ins', 'templates', 'campaigns', 'settings'];

/** Every leaf text of a message tree. */
function texts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else for (const child of Object.values(value as Record<string, unknown>)) texts(child, into);
  return into;
}

/** English texts that the translation renders differently: seeing one of them on screen means a string was missed. */
function englishOnly(translation: unknown): Set<string> {
  const translated = new Set(texts(translation).map((t) => t.trim()));
  return new Set(
    texts(en)
      .map((t) => t.trim())
      .filter((t) => t.length > 3 && !t.includes('{{') && !translated.has(t) && /[a-z]{3}/.test(t)),
  );
}

for (const [locale, messages, heading] of [
  ['es', es, 'Ajustes'],
  ['pt', pt, pt.settings.title],
  ['hi', hi, hi.settings.title],
] as const) {
  test(`every page in ${locale} shows no English left over and passes axe`, async ({ page, bridge }) => {
    test.setTimeout(120_000);
    await completeWizard(page, bridge.url);
    await page.getByLabel('Language').selectOption(locale);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const leftovers = englishOnly(messages);
    for (const route of PAGES) {
      await page.goto(`${bridge.url}#/${route}`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const lines = (await page.locator('body').innerText()).split('\n').map((l) => l.trim());
      const found = lines.filter((line) => leftovers.has(line));
      expect(found, `English text on #/${route} in ${locale}`).toEqual([]);
      if (locale === 'es') await expectAccessible(page, `#/${route} in Spanish`);
    }
  });
}
