/** The consent rule for one message, from consent already derived (consent.md "The consent gate"). */
import type { ConsentPurpose } from '../consent/event';
import type { DerivedConsent, Instant } from '../consent/state';
import { purposeForCategory, type TemplateCategory } from './category';

/** Why the gate refused a message; recorded with the refusal and shown in campaign dry runs. */
export type SendRefusal =
  | 'no_consent'
  | 'opted_out'
  | 'pending'
  | 'bounced'
  | 'marketing_blocked_country'
  | 'window_closed'
  | 'user_stopped_marketing';

/** What {@link canSend} looks at. */
export interface SendCheck {
  derived: DerivedConsent;
  /** Purpose for a session message, or for a template whose category is not given. */
  purpose?: ConsentPurpose;
  now: Instant;
  /** End of the customer-service window opened by the customer's last inbound message. */
  windowOpenUntil?: Instant;
  kind: 'template' | 'session';
  templateCategory?: TemplateCategory;
  /** From isMarketingBlocked(phone): Meta refuses marketing templates to this number's country. */
  countryBlockedForMarketing: boolean;
}

/** Epoch ms of an Instant; an unreadable date throws so it never silently passes a gate (as state.ts toMillis). */
function toMillis(value: Instant): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid time: ${String(value)}`);
  return ms;
}

/** Yes, or no with the reason. */
export type SendDecision = { ok: true } | { ok: false; reason: SendRefusal };

/**
 * A session (free-form) message needs an open 24 h window and nothing else (the caller decides whether the window
 * is open to free-form texts, see freeFormOpenUntil). A template needs `opted_in` for the purpose its category maps
 * to, no bounce, and for marketing a country where Meta delivers marketing templates.
 */
export function canSend(check: SendCheck): SendDecision {
  if (check.kind === 'session') {
    const open = check.windowOpenUntil !== undefined && toMillis(check.windowOpenUntil) > toMillis(check.now);
    return open ? { ok: true } : { ok: false, reason: 'window_closed' };
  }
  const purpose = check.templateCategory ? purposeForCategory(check.templateCategory) : check.purpose;
  if (!purpose) throw new TypeError('canSend: a template check needs templateCategory or purpose');
  const consent = check.derived[purpose];
  if (consent.state === 'opted_out') {
    const inWhatsApp = purpose === 'marketing' && consent.stoppedInWhatsApp;
    return { ok: false, reason: inWhatsApp ? 'user_stopped_marketing' : 'opted_out' };
  }
  if (consent.bounced) return { ok: false, reason: 'bounced' };
  if (consent.state === 'pending') return { ok: false, reason: 'pending' };
  if (consent.state === 'none') return { ok: false, reason: 'no_consent' };
  if (purpose === 'marketing' && check.countryBlockedForMarketing) return { ok: false, reason: 'marketing_blocked_country' };
  return { ok: true };
}
