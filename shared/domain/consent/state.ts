import { reconfirmationDue } from '../send-policy/refresh';
import { causalOrder, makeSupersedesCheck } from './causal-order';
import {
  CONSENT_PURPOSES,
  USER_PREFERENCES_SOURCE,
  isCustomerExplicitMethod,
  type ConsentEvent,
  type ConsentMethod,
  type ConsentPurpose,
} from './event';

/** Derived consent state of one purpose (consent.md: none → pending → opted_in → opted_out). */
export type ConsentState = 'none' | 'pending' | 'opted_in' | 'opted_out';

/** Everything the app shows and the send gate checks for one contact and purpose. */
export interface PurposeConsent {
  state: ConsentState;
  /** When the current state began (occurredAt of the event that caused it, or the computed expiry). */
  since?: string;
  /** Method of the event that caused the current state. */
  method?: ConsentMethod;
  /** Latest event for this purpose in causal order (whatever its effect). */
  lastEventId?: string;
  /** The number could not receive messages (131026) and no customer confirmation came after. Contact-wide. */
  bounced: boolean;
  /** Opted in, but neither a confirmation nor customer activity within staleAfterMonths. */
  needsReconfirmation: boolean;
  /** While pending: when the request lapses. */
  pendingExpiresAt?: string;
  /** Opted out through WhatsApp's own "stop marketing" control (user_preferences webhook). */
  stoppedInWhatsApp: boolean;
  /** While opted in: the latest confirmation (a reconfirmation refreshes it, not `since`). */
  confirmedAt?: string;
}

/** Derived consent for every purpose of one contact. */
export type DerivedConsent = Record<ConsentPurpose, PurposeConsent>;

/** Time as epoch milliseconds or an ISO 8601 string. */
export type Instant = number | string;

export interface DeriveOptions {
  now: Instant;
  pendingExpiryDays?: number;
  staleAfterMonths?: number;
  /** The customer's latest own activity outside these events (e.g. their last inbound message). */
  lastActivityAt?: Instant;
}

/** Epoch milliseconds of an Instant; throws on an unreadable date so it never silently passes a gate. */
export function toMillis(value: Instant): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid time: ${String(value)}`);
  return ms;
}

const DAY_MS = 86_400_000;

interface Working {
  out: PurposeConsent;
  pendingUntil: number | undefined;
  /** Revocations not yet answered by a later explicit confirmation that had seen them. */
  openRevocations: ConsentEvent[];
}

/**
 * Derives per-purpose consent from a contact's events (any stored order). Rules from consent.md:
 * revocation wins (also at equal occurredAt); after it only a customer-explicit confirmation that supersedes it
 * (directly or transitively) and happened later reopens; import/staff/in-app toggles never do; pending requests
 * lapse after pendingExpiryDays even without an `expired` event; stale opt-ins are flagged; a bounce blocks the
 * number until the customer confirms again.
 */
export function deriveConsent(events: readonly ConsentEvent[], options: DeriveOptions): DerivedConsent {
  const now = toMillis(options.now);
  const expiryMs = (options.pendingExpiryDays ?? 7) * DAY_MS;
  const staleMonths = options.staleAfterMonths ?? 12;
  const ordered = causalOrder(events);
  // Only a confirmation after a revocation asks; most histories never do, and the check costs a map of every event.
  let supersedes: ((descendant: string, ancestor: string) => boolean) | undefined;

  const work = {} as Record<ConsentPurpose, Working>;
  for (const purpose of CONSENT_PURPOSES) {
    work[purpose] = {
      out: { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false },
      pendingUntil: undefined,
      openRevocations: [],
    };
  }
  let bounced = false;

  for (const event of ordered) {
    const at = Date.parse(event.occurredAt);
    const explicit = isCustomerExplicitMethod(event.method);
    if (event.type === 'bounced') bounced = true;
    if (event.type === 'confirmed' && explicit) bounced = false;

    const w = work[event.purpose];
    w.out.lastEventId = event.id;
    lapse(w, at);

    switch (event.type) {
      case 'requested':
        if (w.out.state === 'none' || w.out.state === 'pending') {
          enter(w, 'pending', event);
          w.pendingUntil = at + expiryMs;
        }
        break;
      case 'expired':
        if (w.out.state === 'pending') enter(w, 'none', event);
        break;
      case 'confirmed': {
        if (w.out.state === 'opted_out') {
          const seen = explicit ? (supersedes ??= makeSupersedesCheck(events)) : undefined;
          const reopens = seen !== undefined && w.openRevocations.every((r) => seen(event.id, r.id) && at > Date.parse(r.occurredAt));
          if (!reopens) break;
          w.openRevocations = [];
        }
        if (w.out.state !== 'opted_in') enter(w, 'opted_in', event);
        w.out.confirmedAt = event.occurredAt;
        break;
      }
      case 'revoked': {
        const inWhatsApp = event.source === USER_PREFERENCES_SOURCE;
        w.openRevocations.push(event);
        if (w.out.state === 'opted_out') {
          w.out.stoppedInWhatsApp = w.out.stoppedInWhatsApp || inWhatsApp;
        } else {
          enter(w, 'opted_out', event);
          w.out.stoppedInWhatsApp = inWhatsApp;
          w.out.confirmedAt = undefined;
        }
        break;
      }
      case 'welcomed':
      case 'bounced':
        break;
    }
  }

  const lastActivity = options.lastActivityAt === undefined ? undefined : toMillis(options.lastActivityAt);
  const result = {} as DerivedConsent;
  for (const purpose of CONSENT_PURPOSES) {
    const w = work[purpose];
    lapse(w, now);
    const out: PurposeConsent = { ...w.out, bounced };
    if (out.state !== 'opted_in') out.confirmedAt = undefined;
    if (out.state === 'pending' && w.pendingUntil !== undefined) out.pendingExpiresAt = new Date(w.pendingUntil).toISOString();
    if (out.state === 'opted_in' && out.confirmedAt !== undefined) {
      const reference = Math.max(Date.parse(out.confirmedAt), lastActivity ?? -Infinity);
      out.needsReconfirmation = reconfirmationDue(reference, now, staleMonths);
    }
    result[purpose] = stripUndefined(out);
  }
  return result;
}

// Module functions rather than closures made per event, changing `out` in place (it is this call's own object)
// rather than spreading it: deriving runs once per contact of a large import.
function lapse(w: Working, at: number): void {
  if (w.out.state === 'pending' && w.pendingUntil !== undefined && at >= w.pendingUntil) {
    w.out.state = 'none';
    w.out.since = new Date(w.pendingUntil).toISOString();
    w.out.method = undefined;
    w.pendingUntil = undefined;
  }
}

function enter(w: Working, state: ConsentState, event: ConsentEvent): void {
  w.out.state = state;
  w.out.since = event.occurredAt;
  w.out.method = event.method;
  w.out.stoppedInWhatsApp = false;
  w.pendingUntil = undefined;
}

function stripUndefined(value: PurposeConsent): PurposeConsent {
  const source = value as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) if (source[key] !== undefined) out[key] = source[key];
  return out as unknown as PurposeConsent;
}

// The send rules live in the one send policy; these names stay importable from here for existing callers.
export { purposeForCategory, type TemplateCategory } from '../send-policy/category';
export { canSend, type SendCheck, type SendDecision, type SendRefusal } from '../send-policy/can-send';
