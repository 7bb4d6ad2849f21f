import type { TFunction } from 'i18next';
import type { InboundEntry, Message } from '../../../shared/contract/messages';
import type { ConversationChange } from './use-contact-messages';

const STATES = ['queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unknown'];
/** Refusal codes the consent gate stores as the skip message (shared/domain/consent/state.ts SendRefusal and the gate). */
const SKIP_REASONS = [
  'opted_out',
  'user_stopped_marketing',
  'bounced',
  'pending',
  'no_consent',
  'marketing_blocked_country',
  'window_closed',
  'number_changed',
  'unknown_contact',
];
// The outbox words these two itself (cancel, owner drop); the view has no `action`, so match the text.
const SKIP_MESSAGES: Record<string, string> = {
  'Campaign cancelled': 'cancelled',
  'Outcome unknown; dropped by the owner': 'dropped',
};

/** The state as a short word ("Delivered"); an unexpected state is shown as it is. */
export function stateLabel(t: TFunction, state: string): string {
  return STATES.includes(state) ? t(`messages.state.${state}`) : state;
}

/** Why a message did not go, in words ("Not sent: the customer opted out"); empty when it did not fail. */
export function reasonText(t: TFunction, message: Message): string {
  if (message.state === 'skipped') {
    const raw = message.error?.message ?? '';
    const key = SKIP_REASONS.includes(raw) ? raw : SKIP_MESSAGES[raw];
    return key ? t(`messages.skip.${key}`) : t('messages.skip.other', { reason: raw || t('messages.state.skipped') });
  }
  if (message.state === 'failed') {
    const e = message.error;
    return e?.code !== undefined ? t('messages.failedWithCode', { code: e.code, reason: e.message }) : t('messages.failed', { reason: e?.message ?? '' });
  }
  if (message.state === 'unknown') return t('messages.unknownExplain');
  return '';
}

/** What was sent: the template's name or the text itself. */
export function messageTitle(t: TFunction, message: Message): string {
  const origin = ['welcome', 'notification', 'campaign', 'reply', 'unsubscribe_ack', 'help'].includes(message.origin)
    ? t(`messages.origin.${message.origin}`)
    : message.origin;
  return message.kind === 'template' ? t('messages.templateTitle', { origin, name: message.templateName ?? '' }) : origin;
}

/** Remaining time of the 24 h window as "23 h 12 min" (rounded down to the minute, never negative). */
export function windowRemaining(t: TFunction, untilMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((untilMs - nowMs) / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? t('messages.window.hoursMinutes', { hours, minutes: minutes % 60 }) : t('messages.window.minutes', { minutes });
}

const INBOUND_KINDS = ['button', 'interactive', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction'];

/** What kind of message the customer sent, in words ("Photo", "Tapped a button"); empty for plain text. */
export function inboundKind(t: TFunction, message: InboundEntry): string {
  if (message.type === 'text') return '';
  return INBOUND_KINDS.includes(message.type) ? t(`messages.conversation.type.${message.type}`) : t('messages.conversation.type.other', { type: message.type });
}

/** The customer's words, without the "[image]" label stored for a message that has none (inboundKind says it). */
export function inboundText(message: InboundEntry): string {
  return message.text === `[${message.type}]` ? '' : message.text;
}

/** The live region's sentence for a change: "Notification: order_ready: Delivered" or "Ana wrote: Hola". */
export function changeText(t: TFunction, change: ConversationChange, who: string): string {
  if (change.kind === 'state') return t('messages.changed', { what: messageTitle(t, change.message), state: stateLabel(t, change.state) });
  const text = inboundText(change.message) || inboundKind(t, change.message);
  return t('messages.conversation.newInbound', { who, text });
}
