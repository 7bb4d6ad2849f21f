/** Running the UI in another language: switching to it, saying its strings, and finding English left on screen. */
import type { Page } from '@playwright/test';
import { en, type Messages } from '../../renderer/i18n/en';
import { es } from '../../renderer/i18n/es';
import { hi } from '../../renderer/i18n/hi';
import { pt } from '../../renderer/i18n/pt';
import { expect } from './fixtures';

/** Every shipped language's messages, as the renderer loads them. */
export const MESSAGES = { en, es, pt, hi } satisfies Record<string, Messages>;
export type Locale = keyof typeof MESSAGES;

/** A message with its {{placeholders}} filled, as i18next does it (the app turns escaping off). */
export function fill(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** A pattern matching exactly this text, whatever spaces Intl put in it (no-break, narrow no-break). */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escape(text.trim())}$`);
}

/** Switches the UI language on the Settings page (where the wizard ends). */
export async function switchLocale(page: Page, locale: Locale): Promise<void> {
  if (locale === 'en') return;
  await page.getByLabel(en.profile.language).selectOption(locale);
  await page.getByRole('button', { name: en.settings.submit }).click();
  await expect(page.getByRole('heading', { name: MESSAGES[locale].settings.title, level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Every leaf text of a message tree. */
function texts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value.trim());
  else for (const child of Object.values(value as Record<string, unknown>)) texts(child, into);
  return into;
}

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/g;

/**
 * English texts that the translation renders differently, as a test of one line of screen text. Plain texts must
 * match a whole line; texts with placeholders match as patterns once they have a real word of their own (so
 * "Started {{when}}" is caught, "{{name}} ({{language}})" is not).
 */
export function englishDetector(translation: Messages): (line: string) => boolean {
  const translated = new Set(texts(translation));
  const english = texts(en).filter((t) => !translated.has(t));
  const plain = new Set(english.filter((t) => t.length > 3 && !t.includes('{{') && /[a-z]{3}/.test(t)));
  const patterns = english
    .filter((t) => t.includes('{{') && /[A-Za-z]{4,}/.test(t.replace(PLACEHOLDER, ' ')))
    .map((t) => new RegExp(`^${t.split(PLACEHOLDER).map(escape).join('.+?')}$`));
  return (line) => plain.has(line) || patterns.some((re) => re.test(line));
}

/**
 * Lines of text a user meets on the page: what is shown, and the names and hints given to assistive technology.
 * Text marked as another language (a template's own words, `lang="en-US"` inside a Spanish page) is content, not UI.
 */
export async function screenLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const lines = split(document.body.innerText);
    const pageLang = document.documentElement.lang;
    for (const foreign of document.body.querySelectorAll<HTMLElement>('[lang]')) {
      if (foreign.lang.split('-')[0] === pageLang) continue;
      for (const line of split(foreign.innerText)) {
        const at = lines.indexOf(line);
        if (at >= 0) lines.splice(at, 1);
      }
    }
    for (const el of document.querySelectorAll('[aria-label], [aria-valuetext], [title], [placeholder], img[alt]')) {
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) lines.push(...split(value));
      }
    }
    return lines;
  });
}

/** Fails with the English lines found on the page when it runs in another language (nothing to check in English). */
export async function expectNoEnglish(page: Page, locale: Locale, where: string): Promise<void> {
  if (locale === 'en') return;
  const isEnglish = englishDetector(MESSAGES[locale]);
  const found = (await screenLines(page)).filter(isEnglish);
  expect(found, `English text on ${where} in ${locale}`).toEqual([]);
}
