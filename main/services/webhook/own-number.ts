/**
 * Which webhook events are about this shop's own business number. One app can receive Meta's webhooks for several
 * numbers and accounts (and anyone holding the app secret can sign a payload naming another number), so a STOP,
 * START, status or quality report for another number must change nothing here.
 */
import type { WebhookEvent } from './events';

/** This shop's identity at Meta, as far as it is known (display digits come from Meta, e.g. "Test connection"). */
export interface OwnNumber {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber?: string | undefined;
}

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * True when the event is about another number or account. Messages, statuses and preferences name the number in
 * `metadata.phone_number_id`: one that is missing or different is not ours (Meta always sends it). Quality reports
 * name it by `display_phone_number`: compared when both sides know it, otherwise only the account is checked.
 * Template and other account-level events are checked by account (`entry.id`).
 */
export function isForOtherNumber(event: WebhookEvent, own: OwnNumber): boolean {
  switch (event.kind) {
    case 'inbound':
    case 'status':
    case 'user_preference':
    case 'error':
      return event.phoneNumberId !== own.phoneNumberId;
    case 'quality_update': {
      if (own.wabaId && event.wabaId !== own.wabaId) return true;
      const theirs = event.displayPhoneNumber ? digits(event.displayPhoneNumber) : '';
      const ours = own.displayPhoneNumber ? digits(own.displayPhoneNumber) : '';
      return theirs !== '' && ours !== '' && theirs !== ours;
    }
    case 'template_status':
    case 'other':
      return own.wabaId !== '' && event.wabaId !== own.wabaId;
  }
}

/** A short description for the log: which kind, and which number it named (no message content). */
export function describeOtherNumber(event: WebhookEvent): string {
  const named = event.kind === 'quality_update' ? event.displayPhoneNumber : event.phoneNumberId;
  return `${event.kind} for ${named ?? 'no number'} (account ${event.wabaId})`;
}
