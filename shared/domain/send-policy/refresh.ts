/**
 * What time alone changes in consent derived earlier: a pending request lapses at its expiry, and an opt-in with
 * neither a confirmation nor customer activity for `staleAfterMonths` calendar months is flagged for
 * reconfirmation. One rule for the ledger's derivation and for every later read (lists, gate, dry run).
 */
import type { PurposeConsent } from '../consent/state';

/** `ms` plus whole calendar months in UTC; a day the target month lacks becomes its last day (29 Feb → 28 Feb). */
export function addMonthsUtc(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** Default age after which an opt-in is asked again (consent.md: 12 months). */
export const DEFAULT_STALE_AFTER_MONTHS = 12;

/** True from the moment `staleAfterMonths` calendar months have passed since `reference` (inclusive). */
export function reconfirmationDue(reference: number, now: number, staleAfterMonths = DEFAULT_STALE_AFTER_MONTHS): boolean {
  return now >= addMonthsUtc(reference, staleAfterMonths);
}

/**
 * Consent derived earlier, brought up to `now`: a lapsed pending request becomes `none`, and a stale opt-in is
 * flagged. The reference of staleness is the latest confirmation or customer message, whichever is later.
 */
export function refreshForTime(
  consent: PurposeConsent,
  now: number,
  lastInboundAt: string | null | undefined,
  staleAfterMonths = DEFAULT_STALE_AFTER_MONTHS,
): PurposeConsent {
  if (consent.state === 'pending' && consent.pendingExpiresAt && Date.parse(consent.pendingExpiresAt) <= now) {
    const { pendingExpiresAt, ...rest } = consent;
    return { ...rest, state: 'none', since: pendingExpiresAt };
  }
  if (consent.state === 'opted_in' && !consent.needsReconfirmation) {
    const confirmed = Date.parse(consent.confirmedAt ?? consent.since ?? '');
    const inbound = lastInboundAt ? Date.parse(lastInboundAt) : Number.NaN;
    const reference = Math.max(Number.isFinite(confirmed) ? confirmed : -Infinity, Number.isFinite(inbound) ? inbound : -Infinity);
    if (Number.isFinite(reference) && reconfirmationDue(reference, now, staleAfterMonths)) return { ...consent, needsReconfirmation: true };
  }
  return consent;
}
