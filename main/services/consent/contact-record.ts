import type { Contact } from '../../../shared/contract/contacts';
import type { DerivedConsent, PurposeConsent } from '../../../shared/domain/consent/state';
import { formatPhone } from '../../../shared/domain/phone';

/** A contact as stored: identity, tags, and the consent derived at its last event (refreshed for time on read). */
export interface ContactRecord {
  id: string;
  phone: string;
  name: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  lastInboundAt: string | null;
  /** How many consent events the log holds for this contact; a mismatch on open means a write was cut short. */
  eventCount: number;
  /** The chain head, so a new event is sealed without reading the history. */
  head: { id: string; hash: string } | null;
  derived: DerivedConsent;
}

const NONE: PurposeConsent = { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false };

/** Consent of a contact with no events. */
export function emptyDerived(): DerivedConsent {
  return { marketing: { ...NONE }, utility: { ...NONE } };
}

const MONTH_MS = 30.44 * 24 * 3600_000;

/**
 * Applies what time alone changes to consent derived earlier: a pending request lapses at its expiry, and consent
 * with no confirmation or customer activity for `staleAfterMonths` is flagged. Saves reading every history on a list.
 */
export function refreshForTime(
  consent: PurposeConsent,
  now: number,
  lastInboundAt: string | null,
  staleAfterMonths = 12,
): PurposeConsent {
  if (consent.state === 'pending' && consent.pendingExpiresAt && Date.parse(consent.pendingExpiresAt) <= now) {
    return { ...consent, state: 'none', since: consent.pendingExpiresAt, pendingExpiresAt: undefined };
  }
  if (consent.state === 'opted_in' && !consent.needsReconfirmation) {
    const last = Math.max(
      Date.parse(consent.confirmedAt ?? consent.since ?? '') || 0,
      lastInboundAt ? Date.parse(lastInboundAt) : 0,
    );
    if (last > 0 && now - last > staleAfterMonths * MONTH_MS) return { ...consent, needsReconfirmation: true };
  }
  return consent;
}

/** The contract's view of a stored contact at a given time. */
export function toContactView(record: ContactRecord, now: number): Contact {
  const view = (c: PurposeConsent) => {
    const fresh = refreshForTime(c, now, record.lastInboundAt);
    return {
      state: fresh.state,
      ...(fresh.since ? { since: fresh.since } : {}),
      ...(fresh.method ? { method: fresh.method } : {}),
      bounced: fresh.bounced,
      needsReconfirmation: fresh.needsReconfirmation,
      ...(fresh.pendingExpiresAt ? { pendingExpiresAt: fresh.pendingExpiresAt } : {}),
      stoppedInWhatsApp: fresh.stoppedInWhatsApp,
    };
  };
  return {
    id: record.id,
    phone: record.phone,
    phoneDisplay: formatPhone(record.phone),
    name: record.name,
    tags: record.tags,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lastInboundAt: record.lastInboundAt,
    consent: { marketing: view(record.derived.marketing), utility: view(record.derived.utility) },
  };
}
