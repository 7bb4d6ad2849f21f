/**
 * What a keyword from the customer does, on every channel (WhatsApp and SMS answer alike): STOP revokes, START
 * confirms, HELP gets the program text. Which purposes, and whether a reply goes back, is decided here.
 */
import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/event';
import type { KeywordIntent } from '../consent/keywords';
import type { DerivedConsent } from '../consent/state';

/** The consequences of one keyword message. */
export interface KeywordPlan {
  /** Purposes to record a revocation for. */
  revoke: ConsentPurpose[];
  /** Purposes to record a confirmation for. */
  confirm: ConsentPurpose[];
  /** The reply to send back, if any. */
  reply: 'unsubscribe_ack' | 'help' | null;
}

/**
 * STOP revokes every purpose still active; a repeated STOP is recorded again (for both purposes: it is evidence,
 * and it closes free-form replies again) but gets no second confirmation, so it never starts a conversation.
 * START/YES confirms what the customer was asked about (pending), else what they had stopped, else every purpose
 * not yet opted in (the program their HELP text describes). HELP answers with the program information.
 */
export function keywordPlan(intent: KeywordIntent, derived: DerivedConsent): KeywordPlan {
  const purposes = [...CONSENT_PURPOSES];
  switch (intent) {
    case 'stop': {
      const active = purposes.filter((p) => derived[p].state !== 'opted_out');
      return { revoke: active.length > 0 ? active : purposes, confirm: [], reply: active.length > 0 ? 'unsubscribe_ack' : null };
    }
    case 'start': {
      const pending = purposes.filter((p) => derived[p].state === 'pending');
      const stopped = purposes.filter((p) => derived[p].state === 'opted_out');
      const confirm = pending.length > 0 ? pending : stopped.length > 0 ? stopped : purposes.filter((p) => derived[p].state !== 'opted_in');
      return { revoke: [], confirm, reply: null };
    }
    case 'help':
      return { revoke: [], confirm: [], reply: 'help' };
  }
}
