import { z } from 'zod';
import { CONSENT_PURPOSES } from '../domain/consent/event';
import { OPT_IN_WIDGET_KINDS } from '../domain/opt-in/widget';
import { channel, NoArgs } from './define';
import { ContactSchema } from './contacts';

const Purposes = z.array(z.enum(CONSENT_PURPOSES)).min(1, 'Tick at least one kind of message.');
const Staff = z.string().trim().min(1, 'Enter who is sending this (staff member).').max(60, 'Keep the staff name under 60 characters.');

/** When an opt-in popup shows. */
export const PopupTriggersSchema = z.object({
  delaySeconds: z.number().int().min(0).max(600),
  scrollPercent: z.number().int().min(0).max(100),
  exitIntent: z.boolean(),
  frequencyCapDays: z.number().int().min(0).max(365),
});

/** One opt-in widget of the registry. */
export const OptInWidgetSchema = z.object({
  code: z.string(),
  kind: z.enum(OPT_IN_WIDGET_KINDS),
  name: z.string(),
  purposes: z.array(z.enum(CONSENT_PURPOSES)),
  statements: z.object({ M: z.string().optional(), U: z.string().optional(), B: z.string().optional() }),
  statementVersion: z.number().int(),
  locale: z.string(),
  headline: z.string(),
  colour: z.string(),
  popup: PopupTriggersSchema.optional(),
  createdAt: z.string(),
});

/** Who to ask and for what (a known contact, or a typed number). */
const RequestInputSchema = z.object({
  channel: z.enum(['sms', 'email']),
  contactId: z.string().min(1).optional(),
  phone: z.string().trim().max(40, 'That number is too long.').optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  name: z.string().trim().max(80).optional(),
  email: z.string().trim().max(254, 'That email address is too long.').optional(),
  purposes: Purposes,
  locale: z.string().min(2).max(5).optional(),
});

/** One SMS / email request and its outcome. */
export const RemoteRequestSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  phone: z.string(),
  channel: z.enum(['sms', 'email']),
  via: z.enum(['provider', 'manual']),
  email: z.string().optional(),
  purposes: z.array(z.enum(CONSENT_PURPOSES)),
  text: z.string(),
  textVersion: z.number().int(),
  locale: z.string(),
  providerMessageId: z.string().optional(),
  sentAt: z.string(),
  status: z.enum(['pending', 'confirmed', 'revoked', 'expired']),
  closedAt: z.string().optional(),
});

const SettingsShape = {
  twilio: z.object({
    accountSid: z.string().trim().regex(/^(AC[0-9a-fA-F]{32})?$/, 'A Twilio account SID is AC followed by 32 hex digits.'),
    fromNumber: z.string().trim().regex(/^(\+[1-9]\d{6,14})?$/, 'The sending number must be in international form, like +15005550006.'),
    baseUrl: z.string().trim().max(200),
  }),
  smtp: z.object({
    host: z.string().trim().max(200),
    port: z.number().int().min(1).max(65535),
    user: z.string().trim().max(200),
    from: z.string().trim().max(200),
    secure: z.boolean(),
  }),
  program: z.object({
    description: z.string().trim().min(1, 'Say what customers will get (e.g. "order updates and offers").').max(120),
    frequency: z.string().trim().min(1, 'Say how often (e.g. "a few times a month").').max(60),
  }),
  expiryDays: z.number().int().min(1).max(90),
  pollSeconds: z.number().int().min(5).max(3600),
};

/** Provider settings as the renderer sees them: secrets only as "stored or not". */
export const RemoteSettingsViewSchema = z.object({
  ...SettingsShape,
  hasTwilioAuthToken: z.boolean(),
  hasSmtpPassword: z.boolean(),
});

const KeywordList = z.array(z.string().trim().max(30, 'Keep each keyword under 30 characters.')).max(30);
const KeywordsSchema = z.object({ stop: KeywordList, start: KeywordList, help: KeywordList });

/** Opt-in widgets (website, popup, in-app), SMS / email requests with double opt-in, provider settings, keywords. */
export const remoteOptInChannels = {
  'optInWidgets:list': channel(NoArgs, z.array(OptInWidgetSchema)),
  'optInWidgets:create': channel(
    z.object({
      kind: z.enum(OPT_IN_WIDGET_KINDS),
      name: z.string().trim().min(1, 'Give the widget a name you will recognise.').max(60, 'Keep the name under 60 characters.'),
      purposes: Purposes,
      headline: z.string().trim().max(80).optional(),
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour.').optional(),
      popup: PopupTriggersSchema.optional(),
    }),
    OptInWidgetSchema,
    // A widget fixes the consent statement customers will see: shop settings, so owner-only in staff mode.
    { owner: true },
  ),
  'optInWidgets:snippet': channel(
    z.object({ code: z.string().min(1).max(12) }),
    z.object({
      snippet: z.string(),
      /** The CSP-compatible form: a tag to paste and the file (with its SHA-256 hash) to upload to the shop's site. */
      hosted: z
        .object({
          html: z.string(),
          files: z.array(z.object({ name: z.string(), type: z.enum(['text/javascript', 'text/css']), text: z.string(), integrity: z.string() })),
        })
        .optional(),
      links: z.array(z.object({ purposes: z.array(z.enum(CONSENT_PURPOSES)), joinCode: z.string(), url: z.string() })),
    }),
  ),
  'remoteOptIns:preview': channel(
    RequestInputSchema,
    z.object({
      phone: z.string(),
      text: z.string(),
      textVersion: z.number().int(),
      locale: z.string(),
      subject: z.string().optional(),
      smsUrl: z.string().optional(),
      mailtoUrl: z.string().optional(),
    }),
  ),
  'remoteOptIns:send': channel(
    RequestInputSchema.extend({ via: z.enum(['provider', 'manual']), staffMember: Staff }),
    z.object({ request: RemoteRequestSchema, contact: ContactSchema }),
  ),
  'remoteOptIns:pending': channel(
    NoArgs,
    z.array(RemoteRequestSchema.extend({ name: z.string(), ageMs: z.number(), expiresAt: z.string() })),
  ),
  'remoteOptIns:markYes': channel(
    z.object({ requestId: z.string().min(1), staffMember: Staff, note: z.string().max(300).optional() }),
    ContactSchema,
  ),
  'remoteOptIns:poll': channel(NoArgs, z.object({ handled: z.number().int() })),
  'remoteOptIns:settings': channel(NoArgs, RemoteSettingsViewSchema),
  'remoteOptIns:saveSettings': channel(
    z.object({
      ...SettingsShape,
      twilioAuthToken: z.string().max(200).optional(),
      smtpPassword: z.string().max(200).optional(),
    }),
    RemoteSettingsViewSchema,
    { owner: true },
  ),
  'remoteOptIns:keywords': channel(NoArgs, KeywordsSchema),
  'remoteOptIns:saveKeywords': channel(KeywordsSchema, KeywordsSchema, { owner: true }),
};
