/**
 * Zod schemas for what we send to and receive from the WhatsApp Cloud API (shapes from docs/cloud-api.md).
 * Everything we receive is loose: Meta adds fields without notice and we must not reject them.
 */
import { z } from 'zod';

/** Recipient as the Cloud API wants it: full international digits, no plus, no leading zero. */
export const waDigitsSchema = z.string().regex(/^[1-9]\d{6,14}$/, 'recipient must be E.164 digits');

// ---- Request bodies ----

const textParameter = z.object({ type: z.literal('text'), text: z.string(), parameter_name: z.string().optional() });
const currencyParameter = z.object({
  type: z.literal('currency'),
  currency: z.object({ fallback_value: z.string(), code: z.string(), amount_1000: z.number().int() }),
  parameter_name: z.string().optional(),
});
const dateTimeParameter = z.object({
  type: z.literal('date_time'),
  date_time: z.object({ fallback_value: z.string() }),
  parameter_name: z.string().optional(),
});
const mediaRef = z.union([z.object({ id: z.string() }), z.object({ link: z.string() })]);
const mediaParameter = z.union([
  z.object({ type: z.literal('image'), image: mediaRef }),
  z.object({ type: z.literal('document'), document: mediaRef.and(z.object({ filename: z.string().optional() })) }),
  z.object({ type: z.literal('video'), video: mediaRef }),
]);
const payloadParameter = z.object({ type: z.literal('payload'), payload: z.string() });

/** One parameter of a template component when sending. */
export const templateParameterSchema = z.union([
  textParameter,
  currencyParameter,
  dateTimeParameter,
  mediaParameter,
  payloadParameter,
]);
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

/** A template component when sending (types are lowercase here, unlike the catalogue). */
export const sendComponentSchema = z.union([
  z.object({ type: z.enum(['header', 'body']), parameters: z.array(templateParameterSchema) }),
  z.object({
    type: z.literal('button'),
    sub_type: z.enum(['quick_reply', 'url', 'copy_code']),
    index: z.string().regex(/^\d+$/),
    parameters: z.array(templateParameterSchema),
  }),
]);
export type SendComponent = z.infer<typeof sendComponentSchema>;

/** The interactive object for reply buttons or lists. */
export const interactiveSchema = z.union([
  z.object({
    type: z.literal('button'),
    header: z.object({ type: z.literal('text'), text: z.string().max(60) }).optional(),
    body: z.object({ text: z.string().min(1).max(1024) }),
    footer: z.object({ text: z.string().max(60) }).optional(),
    action: z.object({
      buttons: z
        .array(z.object({ type: z.literal('reply'), reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }))
        .min(1)
        .max(3),
    }),
  }),
  z.object({
    type: z.literal('list'),
    header: z.object({ type: z.literal('text'), text: z.string().max(60) }).optional(),
    body: z.object({ text: z.string().min(1).max(4096) }),
    footer: z.object({ text: z.string().max(60) }).optional(),
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(
          z.object({
            title: z.string().max(24).optional(),
            rows: z
              .array(z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() }))
              .min(1)
              .max(10),
          }),
        )
        .min(1)
        .max(10),
    }),
  }),
]);
export type Interactive = z.infer<typeof interactiveSchema>;

// ---- Responses ----

/** Answer to POST /messages (accepted, not delivered). */
export const sendMessageResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1).max(128), message_status: z.string().optional() })).min(1),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

/** The Graph API error envelope. */
export const errorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Template statuses Meta reports. */
export const TEMPLATE_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'DISABLED',
  'PAUSED',
  'LIMIT_EXCEEDED',
] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** A template component as the catalogue returns it (uppercase types). */
export const catalogueComponentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(z.looseObject({ type: z.string(), text: z.string().optional(), url: z.string().optional() })).optional(),
  example: z.unknown().optional(),
});
export type CatalogueComponent = z.infer<typeof catalogueComponentSchema>;

/** One template of the catalogue; status and category stay strings so new values do not break syncing. */
export const templateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string().optional(),
  parameter_format: z.string().optional(),
  components: z.array(catalogueComponentSchema).optional(),
});
export type CloudTemplate = z.infer<typeof templateSchema>;

/** One page of GET /message_templates. */
export const templatePageSchema = z.looseObject({
  data: z.array(templateSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
      previous: z.string().optional(),
    })
    .optional(),
});

/** GET /{phone-number-id}. */
export const phoneNumberSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  code_verification_status: z.string().optional(),
  platform_type: z.string().optional(),
  throughput: z.looseObject({ level: z.string().optional() }).optional(),
});
export type PhoneNumberInfo = z.infer<typeof phoneNumberSchema>;

/** A QR code / short link (message_qrdls). */
export const qrLinkSchema = z.looseObject({
  code: z.string(),
  prefilled_message: z.string(),
  deep_link_url: z.string(),
  qr_image_url: z.string().optional(),
});
export type QrLink = z.infer<typeof qrLinkSchema>;
export const qrLinkListSchema = z.looseObject({ data: z.array(qrLinkSchema) });

/** `{ success: true }` answers (mark as read). */
export const successSchema = z.looseObject({ success: z.boolean() });

// ---- Webhooks ----

/** An error object inside a status or a webhook value. */
export const webhookErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

/** An inbound customer message; type-specific objects are optional so unknown types still parse. */
export const inboundMessageSchema = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  referral: z.looseObject({ source_url: z.string().optional(), source_id: z.string().optional(), source_type: z.string().optional(), headline: z.string().optional(), body: z.string().optional(), ctwa_clid: z.string().optional() }).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** A message status update. */
export const statusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z.looseObject({ id: z.string().optional() }).optional(),
  pricing: z.looseObject({ billable: z.boolean().optional(), pricing_model: z.string().optional(), type: z.string().optional(), category: z.string().optional() }).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type StatusUpdate = z.infer<typeof statusSchema>;

/** One entry of the `user_preferences` webhook field (marketing stop/resume). */
export const userPreferenceSchema = z.looseObject({
  wa_id: z.string(),
  detail: z.string().optional(),
  category: z.string(),
  value: z.string(),
  timestamp: z.number().or(z.string()),
});

const metadataSchema = z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string().optional() });

/** The `value` of a change: messages, statuses, user preferences and errors all live here. */
export const changeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: metadataSchema.optional(),
  contacts: z.array(z.looseObject({ wa_id: z.string().optional(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  user_preferences: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

/**
 * `phone_number_quality_update`: the number was flagged/unflagged for low quality, or its messaging limit moved.
 * `current_limit` is being replaced by `max_daily_conversations_per_business` (Meta, 2026), so neither is required.
 */
export const qualityUpdateValueSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  event: z.string().min(1),
  current_limit: z.string().optional(),
  old_limit: z.string().optional(),
  max_daily_conversations_per_business: z.string().optional(),
  max_daily_conversation_per_phone: z.union([z.string(), z.number()]).optional(),
});

/** `message_template_status_update`: a template was approved, paused, disabled, rejected… (`reason` is null on deletion). */
export const templateStatusValueSchema = z.looseObject({
  event: z.string().min(1),
  message_template_id: z.union([z.number(), z.string().min(1)]),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  message_template_category: z.string().optional(),
  reason: z.string().nullable().optional(),
  other_info: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
});

/** The envelope of every webhook POST. `time` (seconds) is when Meta triggered it; a retry carries the same one. */
export const webhookPayloadSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      // Read leniently: an odd trigger time must not cost the messages of the same POST.
      time: z.unknown().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
