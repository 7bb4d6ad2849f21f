import type { Locale } from '../../shared/contract/profile';

/**
 * The language of main's own texts (menu, recovery window, start-up notices) from the system locale Electron
 * reports (`app.getLocale()`: "es-419", "pt-BR", "hi", …). Main may have no profile to read — the recovery window
 * shows exactly when the data could not be opened — so the system's language decides; English otherwise.
 */
export function pickLocale(systemLocale: string | undefined | null): Locale {
  const base = (systemLocale ?? '').slice(0, 2).toLowerCase();
  return base === 'es' || base === 'pt' || base === 'hi' ? base : 'en';
}
