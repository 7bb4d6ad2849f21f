/** The business number's quality and messaging limit as Meta last reported them, and how tiers read. */
import { MESSAGING_TIERS, type MessagingTier } from '../../../shared/domain/campaigns';

/** What Meta last said about the number (from `phone_number_quality_update`), kept in settings.json. */
export interface NumberHealth {
  /** From FLAGGED (quality dropped to low) until UNFLAGGED. */
  flagged: boolean;
  /** Meta's name of the current messaging limit (TIER_2K…), when a report carried one. */
  limit: string | undefined;
  /** The last event: FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE, or a newer one. */
  event: string;
  /** When Meta triggered that report (ms); older reports arriving later are ignored. */
  at: number;
}

const TIER_DIGITS: Record<string, string> = {
  TIER_50: '50',
  TIER_250: '250',
  TIER_1K: '1000',
  TIER_2K: '2000',
  TIER_10K: '10000',
  TIER_100K: '100000',
  TIER_UNLIMITED: 'unlimited',
};

/** "2000" for TIER_2K, "unlimited" for TIER_UNLIMITED; undefined for TIER_NOT_SET or names we do not know. */
export function limitDigits(tier: string | undefined): string | undefined {
  return tier === undefined ? undefined : TIER_DIGITS[tier.toUpperCase()];
}

/**
 * The campaigns' tier for Meta's limit: the largest one that does not exceed it, so the dry run never promises more
 * than Meta allows (TIER_1K, from before Meta's 2K step, counts as 250). Undefined below the smallest tier.
 */
export function messagingTierFor(tier: string | undefined): MessagingTier | undefined {
  const digits = limitDigits(tier);
  if (digits === undefined) return undefined;
  if (digits === 'unlimited') return 'unlimited';
  const fitting = MESSAGING_TIERS.filter((t) => t !== 'unlimited' && Number(t) <= Number(digits));
  return fitting.at(-1);
}

/** Reads the stored health, tolerating a settings file written by hand or by an older version. */
export function readNumberHealth(value: unknown): NumberHealth | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<NumberHealth>;
  if (typeof v.flagged !== 'boolean' || typeof v.event !== 'string' || typeof v.at !== 'number') return undefined;
  return { flagged: v.flagged, limit: typeof v.limit === 'string' ? v.limit : undefined, event: v.event, at: v.at };
}
