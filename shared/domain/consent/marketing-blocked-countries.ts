import { normalizePhone } from '../phone';

/** A country where Meta does not deliver marketing templates, from a date on. */
export interface MarketingBlock {
  /** ISO 3166 country, since a calling code can span several countries (+1 is the US, Canada, the Caribbean). */
  country: string;
  callingCode: string;
  since: string;
  note: string;
}

/**
 * Kept as data because Meta changes it: update this list, not the gate.
 * Source: Meta's notice pausing marketing template messages to US (+1) WhatsApp users from 1 April 2025.
 */
export const MARKETING_BLOCKED_COUNTRIES: readonly MarketingBlock[] = [
  {
    country: 'US',
    callingCode: '1',
    since: '2025-04-01T00:00:00.000Z',
    note: 'Meta paused marketing template messages to US phone numbers from 1 April 2025.',
  },
];

/**
 * True when Meta will not deliver a marketing template to this E.164 number at `now` (default: any time after
 * the block started). A +1 number whose country cannot be told apart is treated as blocked, to be safe.
 */
export function isMarketingBlocked(
  e164: string,
  now?: number,
  blocks: readonly MarketingBlock[] = MARKETING_BLOCKED_COUNTRIES,
): boolean {
  const parsed = normalizePhone(e164);
  const digits = e164.replace(/\D/g, '');
  return blocks.some((block) => {
    if (now !== undefined && now < Date.parse(block.since)) return false;
    if (!digits.startsWith(block.callingCode)) return false;
    if (!parsed.ok || parsed.phone.country === undefined) return true;
    return parsed.phone.country === block.country;
  });
}
