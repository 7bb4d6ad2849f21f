/**
 * The send policy: who may be sent what, right now. One pure function that the outbox's consent gate (at the last
 * moment before the network call), the campaign dry run, the message handlers and the send forms all ask, so what
 * the owner is told before sending is what happens when sending.
 */
import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/event';
import { isMarketingBlocked } from '../consent/marketing-blocked-countries';
import type { DerivedConsent } from '../consent/state';
import { canSend, type SendRefusal } from './can-send';
import { purposeForCategory, type TemplateCategory } from './category';
import { DEFAULT_STALE_AFTER_MONTHS, refreshForTime } from './refresh';
import { freeFormOpenUntil, stoppedSinceLastMessage, windowClosesAt } from './window';

/** What the policy knows about the recipient. */
export interface PolicyContact {
  /** E.164 number (the marketing country block depends on it). */
  phone: string;
  /** Consent as derived when last written (brought up to `now` here). */
  derived: DerivedConsent;
  lastInboundAt: string | null;
  /** The customer's latest STOP by their own message. */
  lastStopAt?: string | null | undefined;
  /**
   * Revocations and bounces submitted to the ledger but not yet durable. They count as done: an opt-out holds back
   * sends from the moment it is submitted, not from the moment it is on disk.
   */
  held?: { revoking: readonly ConsentPurpose[]; bouncing: boolean } | undefined;
}

/** Free-form texts by why they are sent: the unsubscribe confirmation is the one text allowed right after a STOP. */
export type TextOrigin = 'reply' | 'help' | 'unsubscribe_ack' | (string & {});

/** The message to decide on. */
export type PolicyMessage =
  | { kind: 'template'; category: TemplateCategory; /** The confirmation of an opt-in (any purpose opted in). */ welcome?: boolean }
  | { kind: 'text'; origin: TextOrigin };

/** Time and data the rules need. */
export interface PolicyOptions {
  now: number;
  staleAfterMonths?: number;
  /** Meta's marketing block by country; the kept list by default. */
  blocked?: (e164: string, now: number) => boolean;
}

/** Yes, or no with the reason and, where one is known, since when (e.g. "opted out on 3 May"). */
export type PolicyDecision = { ok: true } | { ok: false; reason: SendRefusal; since?: string };

/** Consent brought up to `now`, with revocations and bounces still being recorded counted as done. */
export function effectiveConsent(contact: PolicyContact, now: number, staleAfterMonths = DEFAULT_STALE_AFTER_MONTHS): DerivedConsent {
  const out = {} as DerivedConsent;
  const bouncing = contact.held?.bouncing ?? false;
  for (const purpose of CONSENT_PURPOSES) {
    let consent = refreshForTime(contact.derived[purpose], now, contact.lastInboundAt, staleAfterMonths);
    if (contact.held?.revoking.includes(purpose) && consent.state !== 'opted_out') {
      const { confirmedAt: _confirmed, pendingExpiresAt: _expires, ...rest } = consent;
      consent = { ...rest, state: 'opted_out', since: new Date(now).toISOString(), stoppedInWhatsApp: false };
    }
    if (bouncing && !consent.bounced) consent = { ...consent, bounced: true };
    out[purpose] = consent;
  }
  return out;
}

/** May this message go to this contact now? */
export function decideSend(contact: PolicyContact, message: PolicyMessage, options: PolicyOptions): PolicyDecision {
  const { now } = options;
  if (message.kind === 'text') return decideText(contact, message.origin, now);
  const derived = effectiveConsent(contact, now, options.staleAfterMonths);
  if (message.welcome) {
    // The confirmation of an opt-in goes to whoever just opted in, for whichever purpose they chose.
    if (derived.utility.bounced) return { ok: false, reason: 'bounced' };
    const any = CONSENT_PURPOSES.some((p) => derived[p].state === 'opted_in');
    return any ? { ok: true } : withSince({ ok: false, reason: 'no_consent' }, derived, 'utility');
  }
  const blocked = options.blocked ?? isMarketingBlocked;
  const decision = canSend({
    derived,
    templateCategory: message.category,
    now,
    kind: 'template',
    countryBlockedForMarketing: blocked(contact.phone, now),
  });
  return decision.ok ? decision : withSince(decision, derived, purposeForCategory(message.category));
}

function decideText(contact: PolicyContact, origin: TextOrigin, now: number): PolicyDecision {
  // The unsubscribe confirmation answers the STOP itself: it needs only the window the STOP opened.
  if (origin === 'unsubscribe_ack') {
    const closes = windowClosesAt(contact.lastInboundAt);
    return canSend({ derived: contact.derived, now, kind: 'session', ...(closes !== undefined ? { windowOpenUntil: closes } : {}), countryBlockedForMarketing: false });
  }
  if (stoppedSinceLastMessage(contact)) return { ok: false, reason: 'opted_out', ...(contact.lastStopAt ? { since: contact.lastStopAt } : {}) };
  const until = freeFormOpenUntil(contact, now);
  return canSend({ derived: contact.derived, now, kind: 'session', ...(until !== undefined ? { windowOpenUntil: until } : {}), countryBlockedForMarketing: false });
}

function withSince(decision: { ok: false; reason: SendRefusal }, derived: DerivedConsent, purpose: ConsentPurpose): PolicyDecision {
  const since = derived[purpose].since;
  const dated = decision.reason === 'opted_out' || decision.reason === 'user_stopped_marketing' || decision.reason === 'pending';
  return dated && since ? { ...decision, since } : decision;
}
