/** The shapes a campaign is built from: audience, parameter mapping and the messaging-limit tier. */
import type { ConsentMethod, ConsentPurpose } from '../consent/event';
import type { ConsentState, DerivedConsent } from '../consent/state';

/** Who a campaign is for: consent purpose, tags (any of them; none = everyone) and optional filters. */
export interface CampaignAudience {
  purpose: ConsentPurpose;
  tags: string[];
  filters: {
    /** Only contacts whose consent for the purpose is in this state (e.g. leave the rest out of the dry run). */
    state?: ConsentState;
    /** Only contacts whose consent for the purpose came by this method. */
    method?: ConsentMethod;
    /** Only numbers of this ISO country (as libphonenumber tells it). */
    country?: string;
  };
}

/** What fills one template slot: a contact field (with a fallback for empty ones) or fixed text. */
export type SlotSource = { kind: 'field'; field: 'name' | 'phone'; fallback?: string } | { kind: 'text'; text: string };

/** Slot key (`body.1`, `header.1`, `body.first_name`) → its source. */
export type ParameterMapping = Record<string, SlotSource>;

/** A contact as the campaign rules see it; `derived` is already refreshed for the current time. */
export interface AudienceContact {
  id: string;
  name: string;
  phone: string;
  tags: string[];
  derived: DerivedConsent;
  lastInboundAt: string | null;
  /** The customer's latest STOP by message: free-form campaigns skip them until they write again. */
  lastStopAt?: string | undefined;
}

/** Meta's messaging-limit tiers: unique customers reached with templates outside the window per rolling 24 h. */
export const MESSAGING_TIERS = ['250', '2000', '10000', '100000', 'unlimited'] as const;

/** One of {@link MESSAGING_TIERS}. */
export type MessagingTier = (typeof MESSAGING_TIERS)[number];

/** How many unique customers a tier allows in 24 h (Infinity for unlimited). */
export function tierLimit(tier: MessagingTier): number {
  return tier === 'unlimited' ? Infinity : Number(tier);
}
