import { z } from 'zod';
import { CONSENT_METHODS, CONSENT_PURPOSES, ConsentEventSchema } from '../domain/consent/event';
import { CONSENT_TEXT_KINDS } from '../domain/consent/texts';
import { channel, NoArgs } from './define';
import { PrintOutcomeSchema } from './print';

export const PurposeSchema = z.enum(CONSENT_PURPOSES);
export const ConsentStateSchema = z.enum(['none', 'pending', 'opted_in', 'opted_out']);

/** Derived consent of one purpose, as the UI shows it. */
export const PurposeConsentSchema = z.object({
  state: ConsentStateSchema,
  since: z.string().optional(),
  method: z.enum(CONSENT_METHODS).optional(),
  bounced: z.boolean(),
  needsReconfirmation: z.boolean(),
  pendingExpiresAt: z.string().optional(),
  stoppedInWhatsApp: z.boolean(),
});

/** A contact with its derived consent per purpose. */
export const ContactSchema = z.object({
  id: z.string(),
  phone: z.string(),
  phoneDisplay: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastInboundAt: z.string().nullable(),
  consent: z.object({ marketing: PurposeConsentSchema, utility: PurposeConsentSchema }),
});
export type Contact = z.infer<typeof ContactSchema>;

const TagSchema = z.string().trim().min(1, 'A tag cannot be empty.').max(30, 'Keep tags under 30 characters.');
const StaffSchema = z.string().trim().min(1, 'Enter who is recording this (staff member).').max(60, 'Keep the staff name under 60 characters.');
const PhoneInput = z.string().trim().min(1, 'Enter the customer’s WhatsApp number.').max(40, 'That number is too long.');
const CountryInput = z.string().regex(/^[A-Z]{2}$/, 'Choose the country of the number.').optional();
const NameInput = z.string().trim().max(80, 'Keep the name under 80 characters.').default('');
const Purposes = z.array(PurposeSchema).min(1, 'Tick at least one kind of message the customer agrees to.');

/** Filters for the contact list; every field narrows the result. */
export const ContactQuerySchema = z.object({
  text: z.string().max(80).default(''),
  purpose: PurposeSchema.optional(),
  state: ConsentStateSchema.optional(),
  tag: z.string().max(30).optional(),
  method: z.enum(CONSENT_METHODS).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ContactQuery = z.input<typeof ContactQuerySchema>;

/** The consent statement exactly as it will be shown and stored with the event. */
export const StatementSchema = z.object({
  text: z.string(),
  version: z.number().int(),
  locale: z.string(),
});

/** Outcome of an opt-in: the contact after it, and whether the number was new. */
export const OptInResultSchema = z.object({ contact: ContactSchema, created: z.boolean(), welcomeQueued: z.boolean() });

/** One contact's page: the contact, its consent events (the timeline) and whether its hash chain verifies. */
export const ContactDetailSchema = z.object({
  contact: ContactSchema,
  events: z.array(ConsentEventSchema),
  chain: z.object({ ok: z.boolean(), message: z.string().optional() }),
});

/** One saved version of a consent text. */
export const ConsentTextVersionSchema = z.object({
  kind: z.enum(CONSENT_TEXT_KINDS),
  locale: z.string(),
  version: z.number().int(),
  text: z.string(),
  hash: z.string(),
  createdAt: z.string(),
});

/** Contacts, consent at the counter and kiosk, toggles and stops, exports. */
export const contactChannels = {
  'contacts:search': channel(ContactQuerySchema, z.object({ total: z.number().int(), items: z.array(ContactSchema) })),
  'contacts:get': channel(z.object({ id: z.string().min(1) }), ContactDetailSchema),
  'contacts:setTags': channel(z.object({ id: z.string().min(1), tags: z.array(TagSchema).max(20) }), ContactSchema),
  'contacts:tags': channel(NoArgs, z.array(z.string())),
  'consent:statement': channel(
    z.object({ purposes: Purposes, locale: z.string().min(2).max(5).optional(), phone: z.string().max(40).optional() }),
    StatementSchema,
  ),
  'consent:optInInPerson': channel(
    z.object({
      phone: PhoneInput,
      country: CountryInput,
      name: NameInput,
      purposes: Purposes,
      staffMember: StaffSchema,
      statementVersion: z.number().int().min(1),
      locale: z.string().min(2).max(5),
      agreed: z.literal(true, { error: 'The customer must agree before the opt-in is recorded.' }),
    }),
    OptInResultSchema,
  ),
  'consent:kioskOptIn': channel(
    z.object({
      phone: PhoneInput,
      name: NameInput,
      purposes: Purposes,
      statementVersion: z.number().int().min(1),
      locale: z.string().min(2).max(5),
      agreed: z.literal(true, { error: 'Tick the box to agree before joining.' }),
    }),
    OptInResultSchema,
  ),
  'consent:toggle': channel(
    z.object({ contactId: z.string().min(1), purpose: PurposeSchema, on: z.boolean(), staffMember: StaffSchema, note: z.string().max(300).default('') }),
    ContactSchema,
  ),
  'consent:stopOnBehalf': channel(
    z.object({ contactId: z.string().min(1), purposes: Purposes, staffMember: StaffSchema, note: z.string().max(300).default('') }),
    ContactSchema,
  ),
  'consent:texts': channel(
    z.object({ locale: z.string().min(2).max(5) }),
    z.object({ current: z.array(ConsentTextVersionSchema), history: z.array(ConsentTextVersionSchema) }),
  ),
  'consent:saveText': channel(
    z.object({
      kind: z.enum(CONSENT_TEXT_KINDS),
      locale: z.string().min(2).max(5),
      text: z.string().trim().min(1, 'The text cannot be empty.').max(1000, 'Keep the text under 1,000 characters.'),
      /** The version the editor was loaded with: main refuses the save unless it is this locale's current one. */
      edits: z.object({ version: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the texts and try again.') }),
    }),
    ConsentTextVersionSchema,
    { owner: true },
  ),
  'export:eventsCsv': channel(NoArgs, z.object({ fileName: z.string(), csv: z.string() }), { owner: true }),
  'export:proofPack': channel(
    z.object({ contactId: z.string().min(1) }),
    z.object({ fileName: z.string(), json: z.string() }),
    { owner: true },
  ),
  'export:proofPackPdf': channel(
    z.object({ contactId: z.string().min(1), action: z.enum(['print', 'pdf']).default('pdf') }),
    PrintOutcomeSchema,
    { owner: true },
  ),
};
