import { z } from 'zod';

/** What happened, in consent.md's vocabulary; consent state is derived from these, never stored. */
export const CONSENT_EVENT_TYPES = ['requested', 'confirmed', 'welcomed', 'revoked', 'expired', 'bounced'] as const;
export type ConsentEventType = (typeof CONSENT_EVENT_TYPES)[number];

/** Consent is given per purpose: marketing and utility (order updates, reminders) are separate permissions. */
export const CONSENT_PURPOSES = ['marketing', 'utility'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How the consent (or its withdrawal) was collected. */
export const CONSENT_METHODS = [
  'in_person',
  'sms_keyword',
  'sms_double_opt_in',
  'email_link',
  'web_widget',
  'web_popup',
  'in_app_toggle',
  'whatsapp_keyword',
  'whatsapp_button',
  'import',
  'staff',
  'sandbox',
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * How sandbox data is marked. An event that a sandbox simulation led to keeps the method the simulated customer
 * used (what the owner is trying out) and gets a `source` starting with SANDBOX_SOURCE_PREFIX: the marker is
 * covered by the hash like every field, and old chains and the schema stay as they were. Such opt-ins count in
 * sandbox mode only: before any live connection they are closed by an event of method `sandbox`, the app's own
 * record that the sandbox ended (main/services/connection/sandbox-consent.ts). `sandbox` is never a customer's act.
 */
export const SANDBOX_METHOD = 'sandbox' satisfies ConsentMethod;

/** Prefix of the `source` of every event made in the sandbox ("sandbox:whatsapp", "sandbox:widget …"). */
export const SANDBOX_SOURCE_PREFIX = 'sandbox:';

/** The source to record for something that happened in the sandbox, from the one it would have had for real. */
export function sandboxSource(realSource: string): string {
  return realSource.startsWith(SANDBOX_SOURCE_PREFIX) ? realSource : `${SANDBOX_SOURCE_PREFIX}${realSource}`;
}

/** True for an event made in sandbox mode (or recording that the sandbox ended). */
export function isSandboxEvent(event: { method: ConsentMethod; source: string }): boolean {
  return event.method === SANDBOX_METHOD || event.source.startsWith(SANDBOX_SOURCE_PREFIX);
}

/**
 * Methods where the customer themself acted (typed a keyword, clicked a link, ticked a box, signed at the counter).
 * Only these can reopen a revoked consent: after a STOP, consent.md requires a new explicit act of the customer.
 * Left out on purpose: `import` (a spreadsheet row is the shop's claim, and a list must never re-subscribe someone
 * who unsubscribed), `staff` (a staff member's say-so, the contact page's toggle included; `in_app_toggle` is the
 * customer's own switch on the shop's account page, confirmed by the JOIN message they sent) and `sandbox` (the
 * app's record that sandbox mode ended, never a customer's act).
 */
export const CUSTOMER_EXPLICIT_METHODS: readonly ConsentMethod[] = [
  'in_person',
  'sms_keyword',
  'sms_double_opt_in',
  'email_link',
  'web_widget',
  'web_popup',
  'in_app_toggle',
  'whatsapp_keyword',
  'whatsapp_button',
];

/** True when the method records the customer's own explicit act, so it may reopen a revoked consent. */
export function isCustomerExplicitMethod(method: ConsentMethod): boolean {
  return CUSTOMER_EXPLICIT_METHODS.includes(method);
}

/**
 * `source` of events written for the Cloud API `user_preferences` webhook (the user stopped or resumed marketing
 * inside WhatsApp). Record them with method `whatsapp_button`; the send gate reports such stops separately.
 */
export const USER_PREFERENCES_SOURCE = 'whatsapp:user_preferences';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const realInstants = new Set<string>();

/** Rejects 2025-02-30 and 25:00, which Date.parse would roll over instead of refusing. */
function isRealInstant(value: string): boolean {
  // Imports repeat the same few hundred dates across thousands of events: remember the ones already accepted.
  if (realInstants.has(value)) return true;
  const ms = Date.parse(value);
  const real = !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
  if (real) {
    if (realInstants.size >= 1024) realInstants.clear();
    realInstants.add(value);
  }
  return real;
}

const text = (field: string) =>
  z.string({ error: `${field} must be text` }).trim().min(1, { error: `${field} must not be empty` });

const isoUtc = (field: string) =>
  z
    .string({ error: `${field} must be an ISO 8601 UTC timestamp like 2025-04-01T09:30:00.000Z` })
    .regex(ISO_UTC, { error: `${field} must be an ISO 8601 UTC timestamp like 2025-04-01T09:30:00.000Z` })
    .refine(isRealInstant, { error: `${field} is not a real date and time` });

const ulid = (field: string) =>
  z.string({ error: `${field} must be a ULID` }).regex(ULID, { error: `${field} must be a 26-character ULID` });

const hex64 = (field: string) =>
  z.string({ error: `${field} must be text` }).regex(HEX64, { error: `${field} must be 64 lowercase hex digits (SHA-256)` });

/** Method-specific proof; every field is optional, the rules per method are checked on the whole event. */
export const ConsentEvidenceSchema = z.strictObject(
  {
    inboundMessageId: text('evidence.inboundMessageId').optional(),
    inboundBody: z.string({ error: 'evidence.inboundBody must be text' }).optional(),
    ip: text('evidence.ip').optional(),
    userAgent: text('evidence.userAgent').optional(),
    staffMember: text('evidence.staffMember').optional(),
    deviceName: text('evidence.deviceName').optional(),
    fileName: text('evidence.fileName').optional(),
    row: z
      .number({ error: 'evidence.row must be a number' })
      .int({ error: 'evidence.row must be a whole number' })
      .positive({ error: 'evidence.row must be 1 or more (first data row is 1)' })
      .optional(),
    attester: text('evidence.attester').optional(),
    keyword: text('evidence.keyword').optional(),
    widgetCode: text('evidence.widgetCode').optional(),
    note: z.string({ error: 'evidence.note must be text' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `evidence has unknown fields: ${issue.keys.join(', ')}` : 'evidence must be an object') },
);
export type ConsentEvidence = z.infer<typeof ConsentEvidenceSchema>;

const newEventShape = {
  contactId: text('contactId'),
  phone: z
    .string({ error: 'phone must be text' })
    .regex(E164, { error: 'phone must be an E.164 number like +14155550123 (normalise it first)' }),
  type: z.enum(CONSENT_EVENT_TYPES, { error: `type must be one of ${CONSENT_EVENT_TYPES.join(', ')}` }),
  purpose: z.enum(CONSENT_PURPOSES, { error: `purpose must be one of ${CONSENT_PURPOSES.join(', ')}` }),
  method: z.enum(CONSENT_METHODS, { error: `method must be one of ${CONSENT_METHODS.join(', ')}` }),
  source: text('source'),
  textShown: text('textShown').optional(),
  textVersion: z
    .number({ error: 'textVersion must be a number' })
    .int({ error: 'textVersion must be a whole number' })
    .positive({ error: 'textVersion must be 1 or more' })
    .optional(),
  textHash: hex64('textHash').optional(),
  locale: text('locale').optional(),
  evidence: ConsentEvidenceSchema,
  recordedBy: text('recordedBy'),
  occurredAt: isoUtc('occurredAt'),
};

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; path: string[] }) => void };

function need(e: ConsentEvidence, ctx: Ctx, field: keyof ConsentEvidence, why: string): void {
  if (e[field] === undefined) ctx.addIssue({ code: 'custom', path: ['evidence', field], message: `evidence.${field} is required ${why}` });
}

/** The proof consent.md asks for, per method, whenever the customer opts in or out. */
function checkEvidence(event: { type: ConsentEventType; method: ConsentMethod; evidence: ConsentEvidence }, ctx: Ctx): void {
  if (event.type !== 'confirmed' && event.type !== 'revoked') return;
  const e = event.evidence;
  switch (event.method) {
    case 'in_person':
      need(e, ctx, 'staffMember', 'for an in-person consent (who took it at the counter)');
      break;
    case 'staff':
      need(e, ctx, 'staffMember', 'when staff record a consent change');
      break;
    case 'import':
      need(e, ctx, 'fileName', 'for an imported consent (which file it came from)');
      need(e, ctx, 'row', 'for an imported consent (which row of the file)');
      break;
    case 'sms_keyword':
    case 'whatsapp_keyword':
    case 'sms_double_opt_in':
      if (e.inboundMessageId === undefined && e.inboundBody === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', 'inboundMessageId'],
          message: `evidence.inboundMessageId or evidence.inboundBody is required for ${event.method} (the customer's reply)`,
        });
      }
      break;
    default:
      break;
  }
}

/** What a caller supplies to record an event; the chain builder (sealEvent) fills id, hashes, sequence and links. */
export const NewConsentEventSchema = z.object(newEventShape).superRefine(checkEvidence);
export type NewConsentEvent = z.infer<typeof NewConsentEventSchema>;

/** A sealed, stored consent event: exactly the fields of consent.md's table. */
export const ConsentEventSchema = z
  .object({
    id: ulid('id'),
    ...newEventShape,
    recordedAt: isoUtc('recordedAt'),
    prevHash: hex64('prevHash'),
    hash: hex64('hash'),
    deviceId: text('deviceId'),
    deviceSeq: z
      .number({ error: 'deviceSeq must be a number' })
      .int({ error: 'deviceSeq must be a whole number' })
      .nonnegative({ error: 'deviceSeq must be 0 or more' }),
    supersedes: ulid('supersedes').nullable(),
  })
  .superRefine(checkEvidence);
export type ConsentEvent = z.infer<typeof ConsentEventSchema>;

/** Validation outcome with one readable sentence per problem ("phone must be an E.164 number …"). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function toResult<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issue.message) };
}

const EVIDENCE_TEXT = ['inboundMessageId', 'ip', 'userAgent', 'staffMember', 'deviceName', 'fileName', 'attester', 'keyword', 'widgetCode'];
const EVIDENCE_ANY_TEXT = ['inboundBody', 'note'];
const OPTIONAL_TEXT = ['textShown', 'locale'] as const;
const REQUIRED_TEXT = ['contactId', 'source', 'recordedBy'] as const;
const OTHER_CHECKED = ['phone', 'type', 'purpose', 'method', 'textVersion', 'textHash', 'evidence', 'occurredAt'];
// Schema order, which the schema's output follows.
const EVIDENCE_KEYS = Object.keys(ConsentEvidenceSchema.shape);
const NEW_EVENT_KEYS = Object.keys(newEventShape);
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key) => b.includes(key));
/** A field added to the schema but not to the hand check below turns the quick path off instead of going unchecked. */
const QUICK_PATH_COMPLETE =
  sameKeys(NEW_EVENT_KEYS, [...REQUIRED_TEXT, ...OPTIONAL_TEXT, ...OTHER_CHECKED]) &&
  sameKeys(EVIDENCE_KEYS, [...EVIDENCE_TEXT, ...EVIDENCE_ANY_TEXT, 'row']);

/** Text the schema accepts unchanged: a string that is not empty and that trimming would leave as it is. */
const isCleanText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.trim() === value;
const isPositiveInt = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Counts what checkEvidence would report; one shared counter, as the check is synchronous. */
const evidenceIssues = {
  count: 0,
  addIssue(): void {
    this.count++;
  },
};

function quickEvidence(value: unknown): ConsentEvidence | undefined {
  if (!isPlainObject(value)) return undefined;
  let known = 0;
  for (const key of EVIDENCE_TEXT) {
    if (!(key in value)) continue;
    if (!isCleanText(value[key])) return undefined;
    known++;
  }
  for (const key of EVIDENCE_ANY_TEXT) {
    if (!(key in value)) continue;
    if (typeof value[key] !== 'string') return undefined;
    known++;
  }
  if ('row' in value) {
    if (!isPositiveInt(value.row)) return undefined;
    known++;
  }
  if (Object.keys(value).length !== known) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of EVIDENCE_KEYS) if (key in value) out[key] = value[key];
  return out as ConsentEvidence;
}

/**
 * What NewConsentEventSchema would return for input it accepts as it is (no spaces to trim, no unknown or undefined
 * members), checked by hand; undefined whenever in any doubt, and the caller then runs the schema, which decides and
 * words the problems. Sealing runs once per event, and the schema's generic walk was most of a large import's cost.
 * Keep it in step with the schema: a property test compares the two.
 */
export function quickParseNewConsentEvent(input: unknown): NewConsentEvent | undefined {
  if (!QUICK_PATH_COMPLETE || !isPlainObject(input)) return undefined;
  let present = 0;
  for (const key of NEW_EVENT_KEYS) if (key in input) present++;
  if (Object.keys(input).length !== present) return undefined;
  for (const key of REQUIRED_TEXT) if (!isCleanText(input[key])) return undefined;
  for (const key of OPTIONAL_TEXT) if (key in input && !isCleanText(input[key])) return undefined;
  if ('textVersion' in input && !isPositiveInt(input.textVersion)) return undefined;
  if ('textHash' in input && !(typeof input.textHash === 'string' && HEX64.test(input.textHash))) return undefined;
  const { phone, type, purpose, method, occurredAt } = input;
  if (typeof phone !== 'string' || !E164.test(phone)) return undefined;
  if (!(CONSENT_EVENT_TYPES as readonly unknown[]).includes(type)) return undefined;
  if (!(CONSENT_PURPOSES as readonly unknown[]).includes(purpose)) return undefined;
  if (!(CONSENT_METHODS as readonly unknown[]).includes(method)) return undefined;
  if (typeof occurredAt !== 'string' || !ISO_UTC.test(occurredAt) || !isRealInstant(occurredAt)) return undefined;
  const evidence = quickEvidence(input.evidence);
  if (!evidence) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of NEW_EVENT_KEYS) if (key in input) out[key] = key === 'evidence' ? evidence : input[key];
  const event = out as NewConsentEvent;
  evidenceIssues.count = 0;
  checkEvidence(event, evidenceIssues);
  return evidenceIssues.count === 0 ? event : undefined;
}

/** Validates caller input for a new event (e.g. from the renderer over IPC). */
export function parseNewConsentEvent(input: unknown): ParseResult<NewConsentEvent> {
  return toResult(NewConsentEventSchema.safeParse(input));
}

/** Validates a stored event (e.g. when loading or importing a proof pack). */
export function parseConsentEvent(input: unknown): ParseResult<ConsentEvent> {
  return toResult(ConsentEventSchema.safeParse(input));
}
