/** The outbox item: its stored shape, the enqueue input, and the forward-only order of its states. */
import { z } from 'zod';
import { sendComponentSchema } from '../cloud/schemas';

/** Every state an item can be in. `unknown` = a request may have reached Meta but no answer was recorded. */
export const OUTBOX_STATES = ['queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unknown'] as const;

/** One of {@link OUTBOX_STATES}. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Where an outgoing message comes from (for the funnel and the contact timeline). */
export const OUTBOX_ORIGINS = ['welcome', 'notification', 'campaign', 'reply', 'unsubscribe_ack', 'help'] as const;

/** One of {@link OUTBOX_ORIGINS}. */
export type OutboxOrigin = (typeof OUTBOX_ORIGINS)[number];

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'to must be an E.164 number such as +16505551234');

/** The template part of an item: the category is the one known when queued; the gate re-checks at send time. */
export const outboxTemplateSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'template name must match ^[a-z0-9_]+$'),
  language: z.string().min(2).max(15),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  components: z.array(sendComponentSchema).default([]),
});

/** The template part of an item. */
export type OutboxTemplate = z.infer<typeof outboxTemplateSchema>;

/** Why an item failed, was skipped or is being retried. `action` is a Cloud API action or an outbox reason. */
export const outboxReasonSchema = z.object({
  code: z.number().optional(),
  action: z.string().optional(),
  message: z.string(),
});

/** Why an item failed, was skipped or is being retried. */
export type OutboxReason = z.infer<typeof outboxReasonSchema>;

const contentFields = {
  contactId: z.string().min(1).max(200),
  to: e164,
  kind: z.enum(['template', 'text']),
  template: outboxTemplateSchema.optional(),
  text: z.string().min(1).max(4096).optional(),
  purpose: z.enum(['marketing', 'utility']).optional(),
  campaignId: z.string().min(1).max(200).optional(),
  origin: z.enum(OUTBOX_ORIGINS),
};

const contentRefinement = (value: { kind: string; template?: unknown; text?: unknown }, ctx: z.RefinementCtx): void => {
  if (value.kind === 'template' && !value.template) ctx.addIssue({ code: 'custom', message: 'a template item needs template', path: ['template'] });
  if (value.kind === 'text' && value.text === undefined) ctx.addIssue({ code: 'custom', message: 'a text item needs text', path: ['text'] });
};

/** A stored outbox item (validated when read back by tools; the outbox writes only what it built). */
export const outboxItemSchema = z
  .object({
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'id must be a ULID'),
    ...contentFields,
    state: z.enum(OUTBOX_STATES),
    attempts: z.number().int().min(0),
    nextAttemptAt: z.number(),
    wamid: z.string().optional(),
    error: outboxReasonSchema.optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
    sendingSince: z.number().optional(),
  })
  .superRefine(contentRefinement);

/** A stored outbox item. */
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** What callers queue: the content, plus optionally a ULID (queueing the same id twice is a no-op) and a start time. */
export const outboxInputSchema = z
  .object({
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'id must be a ULID').optional(),
    ...contentFields,
    /** Not before this instant (epoch ms): scheduled campaigns. */
    notBefore: z.number().optional(),
  })
  .superRefine(contentRefinement);

/** What callers queue. */
export type OutboxInput = z.input<typeof outboxInputSchema>;

/** Position in the delivery order; failed/skipped are terminal and outside the order. */
const RANK: Record<OutboxState, number> = {
  queued: 0,
  sending: 1,
  unknown: 1,
  accepted: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  failed: 6,
  skipped: 6,
};

/** States a message reaches once Meta took it (in delivery order). */
export const DELIVERY_STATES = ['accepted', 'sent', 'delivered', 'read'] as const;

/** True when nothing more will happen to the item on its own. */
export function isTerminal(state: OutboxState): boolean {
  return state === 'failed' || state === 'skipped' || state === 'read';
}

/**
 * Whether a status report may move an item from `from` to `to`. Delivery only moves forward (a `delivered` after
 * `read` is ignored); `failed` may follow anything before `delivered`; `unknown` and `sending` are reconciled by
 * any report; `failed` and `skipped` are final.
 */
export function canAdvance(from: OutboxState, to: OutboxState): boolean {
  if (from === 'failed' || from === 'skipped') return false;
  if (to === 'failed') return RANK[from] <= RANK.sent;
  if (to === 'queued' || to === 'sending' || to === 'unknown' || to === 'skipped') return false;
  return RANK[to] > RANK[from];
}

/** The numeric position of a state in the delivery order (for sorting and tests). */
export function stateRank(state: OutboxState): number {
  return RANK[state];
}
