import type { TFunction } from 'i18next';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';

/** "order updates and offers and news", joined the way the UI language joins lists. */
export function purposeList(purposes: readonly ConsentPurpose[], t: TFunction, locale: string): string {
  const names = purposes.map((p) => t(`counter.purpose.${p}`));
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
