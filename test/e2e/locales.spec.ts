import { completeWizard, expect, expectAccessible, test } from './fixtures';
import { expectNoEnglish, switchLocale } from './locale-check';

const PAGES = ['today', 'entry-points', 'posters', 'counter', 'contacts', 'opt-ins', 'templates', 'campaigns', 'settings'];

for (const locale of ['es', 'pt', 'hi'] as const) {
  test(`every page in ${locale} shows no English left over and passes axe`, async ({ page, bridge }) => {
    test.setTimeout(120_000);
    await completeWizard(page, bridge.url);
    await switchLocale(page, locale);
    for (const route of PAGES) {
      await page.goto(`${bridge.url}#/${route}`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectNoEnglish(page, locale, `#/${route}`);
      if (locale === 'es') await expectAccessible(page, `#/${route} in Spanish`);
    }
  });
}
