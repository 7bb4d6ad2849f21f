import type { Contact } from '../../../shared/contract/contacts';
import type { DerivedConsent, PurposeConsent } from '../../../shared/domain/consent/state';
import { formatPhone } from '../../../shared/domain/phone';
import { refreshForTime } from '../../../shared/domain/send-policy/refresh';

/** A contact as stored: identity, tags, and the consent derived at its last event (refreshed for time on read). */
export interface ContactRecord {
  id: string;
  phone: string;
  name: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  lastInboundAt: string | null;
  /** The customer's latest STOP by their own message (a keyword revocation); free-form replies wait for a newer message. */
  lastStopAt?: string;
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

// One rule for time (pending expiry, 12-month refresh), kept in the send policy; re-exported for existing callers.
export { refreshForTime };

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
