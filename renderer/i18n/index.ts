import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contract/profile';
import { en } from './en';
import { es } from './es';
import { hi } from './hi';
import { pt } from './pt';

/** Every shipped language's messages (a test checks each has exactly the English keys and placeholders). */
export const resources = { en, es, pt, hi } as const;

/** The language to start in before a profile exists: the browser's, if we ship it. */
export function initialLocale(languages: readonly string[] = navigator.languages): Locale {
  for (const tag of languages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === 'en' || base === 'es' || base === 'pt' || base === 'hi') return base;
  }
  return 'en';
}

/** Starts i18next once; React components read it through useTranslation. */
export async function setupI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

/** Switches language at run time (after the profile is saved or loaded). */
export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
