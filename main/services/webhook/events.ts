/** Typed events parsed out of Cloud API webhook payloads, each with a stable dedupe key. */
import { createHash } from 'node:crypto';
import { cloudErrorInfo, type CloudErrorAction } from '../cloud/errors';
import {
  changeValueSchema,
  inboundMessageSchema,
  qualityUpdateValueSchema,
  statusSchema,
  templateStatusValueSchema,
  userPreferenceSchema,
  webhookErrorSchema,
  webhookPayloadSchema,
  type InboundMessage,
  type StatusUpdate,
} from '../cloud/schemas';

/** Fields every event carries. `key` is what dedupe uses (message id; status id + status; …). */
export interface WebhookEventBase {
  key: string;
  wabaId: string;
  phoneNumberId: string | undefined;
  displayPhoneNumber: string | undefined;
  receivedAt: number;
  /** Set by the sandbox runtime on everything its emulator posts: what it leads to is marked as made in the sandbox. */
  sandbox?: true;
}

/** A customer message. `text` is set for text messages; taps on buttons fill `button` or `reply`. */
export interface InboundEvent extends WebhookEventBase {
  kind: 'inbound';
  messageId: string;
  /** Customer's number as WhatsApp digits (no plus). */
  from: string;
  profileName: string | undefined;
  timestampMs: number;
  type: string;
  text: string | undefined;
  /** Template quick-reply button (`type: "button"`). */
  button: { payload: string; text: string } | undefined;
  /** Interactive reply (reply buttons or lists). */
  reply: { kind: 'button_reply' | 'list_reply'; id: string; title: string; description: string | undefined } | undefined;
  referral: Record<string, unknown> | undefined;
  contextMessageId: string | undefined;
  raw: InboundMessage;
}

/** An error attached to a failed status, with the action from the error table. */
export interface StatusError {
  code: number;
  title: string | undefined;
  message: string | undefined;
  details: string | undefined;
  action: CloudErrorAction;
  retryable: boolean;
}

/** A delivery status of one of our messages. Statuses can arrive out of order: never move a message backwards. */
export interface StatusEvent extends WebhookEventBase {
  kind: 'status';
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | (string & {});
  timestampMs: number;
  recipientId: string;
  /** The outbox id we put in `biz_opaque_callback_data` when sending. */
  bizOpaqueCallbackData: string | undefined;
  errors: StatusError[];
  pricingCategory: string | undefined;
  billable: boolean | undefined;
  conversationId: string | undefined;
  raw: StatusUpdate;
}

/** A customer's marketing preference change (`user_preferences` field): value "stop" or "resume". */
export interface UserPreferenceEvent extends WebhookEventBase {
  kind: 'user_preference';
  waId: string;
  category: string;
  value: 'stop' | 'resume' | (string & {});
  detail: string | undefined;
  timestampMs: number;
}

/** Errors Meta reports outside any message (`value.errors`). */
export interface SystemErrorEvent extends WebhookEventBase {
  kind: 'error';
  errors: StatusError[];
}

/**
 * The business number's quality or messaging limit changed (`phone_number_quality_update`). FLAGGED: quality dropped
 * to low (the limit drops if it stays low); UNFLAGGED: it recovered; DOWNGRADE / UPGRADE: the limit moved.
 */
export interface QualityUpdateEvent extends WebhookEventBase {
  kind: 'quality_update';
  event: 'FLAGGED' | 'UNFLAGGED' | 'DOWNGRADE' | 'UPGRADE' | (string & {});
  /** Meta's tier name, e.g. TIER_2K (from `current_limit`, else `max_daily_conversations_per_business`). */
  currentLimit: string | undefined;
  oldLimit: string | undefined;
  /** When Meta triggered it (entry `time`), else when it arrived: orders reports that come back out of order. */
  occurredAtMs: number;
}

/** A template's status changed (`message_template_status_update`). */
export interface TemplateStatusEvent extends WebhookEventBase {
  kind: 'template_status';
  event: 'APPROVED' | 'PAUSED' | 'DISABLED' | 'REJECTED' | 'FLAGGED' | 'PENDING_DELETION' | (string & {});
  templateId: string;
  name: string;
  /** As the catalogue writes it (`en_US`), whichever separator the webhook used. */
  language: string;
  category: string | undefined;
  reason: string | undefined;
  /** Meta's own sentence, e.g. how long a pause lasts. */
  description: string | undefined;
  occurredAtMs: number;
}

/** Any other subscribed field (account updates, …), passed through untyped. */
export interface OtherFieldEvent extends WebhookEventBase {
  kind: 'other';
  field: string;
  value: unknown;
}

/** Everything the receiver hands to the app. */
export type WebhookEvent = InboundEvent | StatusEvent | UserPreferenceEvent | SystemErrorEvent | QualityUpdateEvent | TemplateStatusEvent | OtherFieldEvent;

/** Events plus what could not be understood (reported, never fatal). */
export interface ParsedPayload {
  events: WebhookEvent[];
  problems: string[];
}

/** Turns a webhook JSON body into events; unknown or malformed parts become problems instead of errors. */
export function parseWebhookPayload(json: unknown, receivedAt: number): ParsedPayload {
  const problems: string[] = [];
  const events: WebhookEvent[] = [];
  const payload = webhookPayloadSchema.safeParse(json);
  if (!payload.success) return { events, problems: ['payload is not a webhook envelope'] };
  if (payload.data.object !== 'whatsapp_business_account') return { events, problems: [`object ${payload.data.object} ignored`] };
  for (const entry of payload.data.entry) {
    for (const change of entry.changes) {
      const value = changeValueSchema.safeParse(change.value);
      if (!value.success) {
        problems.push(`change ${change.field}: value is not an object`);
        continue;
      }
      const v = value.data;
      const base = {
        wabaId: entry.id,
        phoneNumberId: v.metadata?.phone_number_id,
        displayPhoneNumber: v.metadata?.display_phone_number,
        receivedAt,
      };
      if (change.field === 'phone_number_quality_update' || change.field === 'message_template_status_update') {
        const event = accountEvent(change.field, change.value, base, entry.time);
        if (event) events.push(event);
        else problems.push(`change ${change.field}: value not understood`);
        continue;
      }
      if (change.field !== 'messages' && change.field !== 'user_preferences') {
        events.push({ ...base, kind: 'other', key: `other:${hash([entry.id, change.field, change.value])}`, field: change.field, value: change.value });
        continue;
      }
      const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const [i, item] of (v.messages ?? []).entries()) {
        const m = inboundMessageSchema.safeParse(item);
        if (m.success) events.push(inbound(base, m.data, names.get(m.data.from)));
        else problems.push(`messages[${i}] not understood`);
      }
      for (const [i, item] of (v.statuses ?? []).entries()) {
        const st = statusSchema.safeParse(item);
        if (st.success) events.push(status(base, st.data));
        else problems.push(`statuses[${i}] not understood`);
      }
      for (const [i, item] of (v.user_preferences ?? []).entries()) {
        const p = userPreferenceSchema.safeParse(item);
        if (!p.success) {
          problems.push(`user_preferences[${i}] not understood`);
          continue;
        }
        const timestampMs = seconds(p.data.timestamp);
        events.push({
          ...base,
          kind: 'user_preference',
          key: `pref:${p.data.wa_id}:${p.data.category}:${p.data.value}:${timestampMs}`,
          waId: p.data.wa_id,
          category: p.data.category,
          value: p.data.value,
          detail: p.data.detail,
          timestampMs,
        });
      }
      if (v.errors && v.errors.length > 0) {
        events.push({ ...base, kind: 'error', key: `error:${hash([entry.id, v.errors])}`, errors: errorsOf(v.errors) });
      }
    }
  }
  return { events, problems };
}

/**
 * Account-level fields carry no id: the dedupe key hashes the value with the entry's `time`, so Meta's retries of one
 * report collapse while a later identical report (flagged again next week) is handled again. Without `time` only the
 * value is hashed, and a repeat inside the dedupe window is taken for a retry.
 */
function accountEvent(
  field: 'phone_number_quality_update' | 'message_template_status_update',
  value: unknown,
  base: Omit<WebhookEventBase, 'key'>,
  time: unknown,
): QualityUpdateEvent | TemplateStatusEvent | undefined {
  const occurredAtMs = (typeof time === 'number' || typeof time === 'string' ? seconds(time) : 0) || base.receivedAt;
  if (field === 'phone_number_quality_update') {
    const q = qualityUpdateValueSchema.safeParse(value);
    if (!q.success) return undefined;
    return {
      ...base,
      displayPhoneNumber: q.data.display_phone_number ?? base.displayPhoneNumber,
      kind: 'quality_update',
      key: `quality:${base.wabaId}:${hash([value, time])}`,
      event: q.data.event.toUpperCase(),
      currentLimit: q.data.current_limit ?? q.data.max_daily_conversations_per_business,
      oldLimit: q.data.old_limit,
      occurredAtMs,
    };
  }
  const t = templateStatusValueSchema.safeParse(value);
  if (!t.success) return undefined;
  const templateId = String(t.data.message_template_id);
  const event = t.data.event.toUpperCase();
  return {
    ...base,
    kind: 'template_status',
    key: `tpl:${templateId}:${event}:${hash([value, time])}`,
    event,
    templateId,
    name: t.data.message_template_name,
    language: t.data.message_template_language.replace(/-/g, '_'),
    category: t.data.message_template_category,
    reason: t.data.reason ?? undefined,
    description: t.data.other_info?.description,
    occurredAtMs,
  };
}

function inbound(base: Omit<WebhookEventBase, 'key'>, m: InboundMessage, profileName: string | undefined): InboundEvent {
  const i = m.interactive;
  const replyKind = i?.type === 'button_reply' || i?.type === 'list_reply' ? i.type : undefined;
  const reply = replyKind ? (replyKind === 'button_reply' ? i?.button_reply : i?.list_reply) : undefined;
  return {
    ...base,
    kind: 'inbound',
    key: `in:${m.id}`,
    messageId: m.id,
    from: m.from,
    profileName,
    timestampMs: seconds(m.timestamp),
    type: m.type,
    text: m.text?.body,
    button: m.button ? { payload: m.button.payload ?? m.button.text ?? '', text: m.button.text ?? m.button.payload ?? '' } : undefined,
    reply: replyKind && reply ? { kind: replyKind, id: reply.id, title: reply.title, description: (reply as { description?: string }).description } : undefined,
    referral: m.referral,
    contextMessageId: m.context?.id,
    raw: m,
  };
}

function status(base: Omit<WebhookEventBase, 'key'>, st: StatusUpdate): StatusEvent {
  return {
    ...base,
    kind: 'status',
    key: `st:${st.id}:${st.status}`,
    messageId: st.id,
    status: st.status,
    timestampMs: seconds(st.timestamp),
    recipientId: st.recipient_id,
    bizOpaqueCallbackData: st.biz_opaque_callback_data,
    errors: errorsOf(st.errors ?? []),
    pricingCategory: st.pricing?.category,
    billable: st.pricing?.billable,
    conversationId: st.conversation?.id,
    raw: st,
  };
}

function errorsOf(list: unknown[]): StatusError[] {
  return list.flatMap((item) => {
    const e = webhookErrorSchema.safeParse(item);
    if (!e.success) return [];
    const info = cloudErrorInfo(e.data.code);
    return [{ code: e.data.code, title: e.data.title, message: e.data.message, details: e.data.error_data?.details, action: info.action, retryable: info.retryable }];
  });
}

function seconds(value: string | number): number {
  const n = Number(value);
  return Number.isFinite(n) ? n * 1000 : 0;
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}
