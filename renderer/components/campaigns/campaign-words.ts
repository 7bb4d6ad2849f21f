/** Small wording helpers shared by the campaign components. */
import type { TFunction } from 'i18next';

/** The text of a skip or failure reason key (a refusal code, a Meta error code, or the outbox's words). */
export function reasonLabel(t: TFunction, reason: string): string {
  const dry = `campaigns.dryRun.reason.${reason}`;
  const translated = t(dry, { defaultValue: '' });
  if (translated) return translated;
  const skip = t(`messages.skip.${reason}`, { defaultValue: '' });
  return skip || reason;
}

/** Whole percent of done over total, rounded down so 100 means every message is done. */
export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

/** The percentage as the UI language writes it ("42%", "42 %"). */
export function percentText(done: number, total: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(percent(done, total) / 100);
}
