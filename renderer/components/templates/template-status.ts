import type { TemplateView } from '../../../shared/contract/messages';

const KNOWN_STATUSES = ['APPROVED', 'PENDING', 'PAUSED', 'DISABLED', 'REJECTED'];

/** Only approved templates can be sent; pickers for notifications and campaigns should offer no others. */
export function isSendable(template: Pick<TemplateView, 'status'>): boolean {
  return template.status.toUpperCase() === 'APPROVED';
}

/** The i18n key and values of a template's status text. */
export function statusText(status: string): { key: string; values?: Record<string, string> } {
  const upper = status.toUpperCase();
  return KNOWN_STATUSES.includes(upper)
    ? { key: `dashboard.templates.statusLabel.${upper}` }
    : { key: 'dashboard.templates.statusLabel.other', values: { status } };
}

/** The i18n key and values of a template's category text. */
export function categoryText(category: string): { key: string; values?: Record<string, string> } {
  const upper = category.toUpperCase();
  return ['UTILITY', 'MARKETING', 'AUTHENTICATION'].includes(upper)
    ? { key: `dashboard.templates.categoryLabel.${upper}` }
    : { key: 'dashboard.templates.categoryLabel.other', values: { category } };
}

/** The template's language as an HTML `lang` value (`en_US` → `en-US`), so its text is read in that language. */
export function langAttribute(code: string): string {
  return code.replace(/_/g, '-');
}

/** "English (United States)" for `en_US`, in the UI language; the code itself when the browser does not know it. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code.replace('_', '-')) ?? code;
  } catch {
    return code;
  }
}
