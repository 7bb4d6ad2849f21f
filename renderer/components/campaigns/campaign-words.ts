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

/** "42 %" style percentage of done over total. */
export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}
