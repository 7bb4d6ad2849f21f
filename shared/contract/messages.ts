import { z } from 'zod';
import { channel, NoArgs } from './define';

/** An outbox item as the UI shows it. */
export const MessageSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  to: z.string(),
  kind: z.enum(['template', 'text']),
  templateName: z.string().optional(),
  text: z.string().optional(),
  origin: z.string(),
  campaignId: z.string().optional(),
  state: z.string(),
  error: z.object({ code: z.number().optional(), message: z.string() }).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Message = z.infer<typeof MessageSchema>;

/** A template as the customer read it: the synced template with the values that were sent filled in. */
export const RenderedTemplateSchema = z.object({ header: z.string().optional(), body: z.string(), footer: z.string().optional() });

/** One of the shop's messages in a conversation; `rendered` is missing when the template is no longer synced. */
export const OutboundEntrySchema = MessageSchema.extend({
  direction: z.literal('outbound'),
  rendered: RenderedTemplateSchema.optional(),
});
export type OutboundEntry = z.infer<typeof OutboundEntrySchema>;

/** A customer's message: its WhatsApp type and text (for media, a caption or an "[image]"-style label). */
export const InboundEntrySchema = z.object({
  direction: z.literal('inbound'),
  id: z.string(),
  contactId: z.string(),
  type: z.string(),
  text: z.string(),
  /** When the customer sent it (ms), the same clock outbound `createdAt` uses, so one sort orders both. */
  createdAt: z.number(),
});
export type InboundEntry = z.infer<typeof InboundEntrySchema>;

/** One line of a contact's conversation. */
export const ConversationEntrySchema = z.discriminatedUnion('direction', [OutboundEntrySchema, InboundEntrySchema]);
export type ConversationEntry = z.infer<typeof ConversationEntrySchema>;

/** A template of the account, with what the UI needs to fill and preview it. */
export const TemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameterFormat: z.string(),
  components: z.array(z.object({ type: z.string(), format: z.string().optional(), text: z.string().optional() })),
});
export type TemplateView = z.infer<typeof TemplateSchema>;

/** The send policy's answer for one contact and message (refusal reasons: shared/domain/send-policy SendRefusal). */
export const SendCheckSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.string(), since: z.string().optional() }),
]);
export type SendCheckResult = z.infer<typeof SendCheckSchema>;

const SlotValuesSchema = z.record(z.string().regex(/^(header|body)\.[a-z0-9_]+$/i), z.string().max(1024, 'Keep each value under 1,024 characters.'));

const OutboxId = z.string().min(1, 'Choose a message.').max(200, 'That is not an outbox message id.');

/** Templates, one-off notifications, replies and the outbox. */
export const messageChannels = {
  'templates:list': channel(NoArgs, z.object({ syncedAt: z.string().nullable(), templates: z.array(TemplateSchema) })),
  'templates:sync': channel(NoArgs, z.object({ syncedAt: z.string().nullable(), templates: z.array(TemplateSchema) })),
  'messages:sendTemplate': channel(
    z.object({
      contactId: z.string().min(1, 'Choose a contact.'),
      name: z.string().min(1, 'Choose a template.'),
      language: z.string().min(2),
      values: SlotValuesSchema.default({}),
    }),
    MessageSchema,
  ),
  'messages:reply': channel(
    z.object({ contactId: z.string().min(1), text: z.string().trim().min(1, 'Type a message.').max(4096, 'WhatsApp messages are at most 4,096 characters.') }),
    MessageSchema,
  ),
  /**
   * What the send policy says before anything is queued (read-only): would this template or free-form text go to
   * this contact now? A refusal carries the policy's reason and, where known, since when ("opted out on 3 May").
   */
  'messages:check': channel(
    z.object({
      contactId: z.string().min(1),
      kind: z.enum(['template', 'text']),
      name: z.string().min(1).optional(),
      language: z.string().min(2).optional(),
    }),
    SendCheckSchema,
  ),
  /** The conversation, oldest first (the latest 200 lines), and the 24 h window. */
  'messages:forContact': channel(
    z.object({ contactId: z.string().min(1) }),
    z.object({ messages: z.array(ConversationEntrySchema), windowOpenUntil: z.string().nullable() }),
  ),
  'outbox:status': channel(
    NoArgs,
    z.object({
      paused: z.string().nullable(),
      offline: z.boolean(),
      counts: z.record(z.string(), z.number()),
      unknown: z.array(MessageSchema),
    }),
  ),
  /** An unknown item may already have reached WhatsApp: resending one needs `confirmUnknown` (the owner said yes). */
  'outbox:resend': channel(z.object({ id: OutboxId, confirmUnknown: z.literal(true).optional() }), MessageSchema, { owner: true }),
  'outbox:drop': channel(z.object({ id: OutboxId }), MessageSchema, { owner: true }),
};
