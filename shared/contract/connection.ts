import { z } from 'zod';
import { channel, NoArgs } from './define';

const digits = (what: string) => z.string().trim().regex(/^\d{5,30}$/, `The ${what} is the number Meta shows in the WhatsApp Manager (digits only).`);

/** Cloud API connection settings the owner edits (secrets are write-only and never come back). */
export const ConnectionInputSchema = z.object({
  phoneNumberId: digits('phone number ID'),
  wabaId: digits('WhatsApp Business Account ID'),
  apiVersion: z.string().regex(/^v\d{2,3}\.\d$/, 'The API version looks like v23.0.').default('v23.0'),
  baseUrl: z.string().url('Enter the Graph API address, normally https://graph.facebook.com.').default('https://graph.facebook.com'),
  webhookPort: z.number().int().min(1024, 'Use a port from 1024 to 65535.').max(65535, 'Use a port from 1024 to 65535.').default(8787),
  throughputPerSecond: z.number().int().min(1).max(1000, 'Meta allows at most 1,000 messages per second.').default(80),
  /** Leave a secret empty to keep the stored one. */
  accessToken: z.string().trim().max(1000).optional(),
  appSecret: z.string().trim().max(200).optional(),
  verifyToken: z.string().trim().max(200).optional(),
});
export type ConnectionInput = z.input<typeof ConnectionInputSchema>;

/** What the UI may know about the connection: no secret values, only whether they are set. */
export const ConnectionStatusSchema = z.object({
  mode: z.enum(['sandbox', 'live', 'not_connected']),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  apiVersion: z.string(),
  baseUrl: z.string(),
  webhookPort: z.number().int(),
  webhookUrl: z.string().nullable(),
  throughputPerSecond: z.number().int(),
  accessTokenSet: z.boolean(),
  appSecretSet: z.boolean(),
  verifyTokenSet: z.boolean(),
  secretProtection: z.enum(['os-keychain', 'fallback-plain']),
  outboxPaused: z.string().nullable(),
  /** Meta's last quality report on the number (webhook): flagged as low or not, and the daily limit as digits. */
  numberHealth: z.object({ flagged: z.boolean(), limit: z.string().nullable(), event: z.string(), at: z.string() }).nullable(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/** The phone number as Meta reports it ("Test connection"). */
export const PhoneNumberCheckSchema = z.object({
  displayPhoneNumber: z.string(),
  verifiedName: z.string(),
  qualityRating: z.string(),
});

/** Sandbox-only: make the emulated customer write to the shop. */
export const SimulateInboundSchema = z.object({
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use an E.164 number like +34600112233.'),
  text: z.string().max(4096).optional(),
  buttonPayload: z.string().max(256).optional(),
});

/** Cloud API connection, sandbox mode and sandbox controls. */
export const connectionChannels = {
  'connection:get': channel(NoArgs, ConnectionStatusSchema),
  'connection:save': channel(ConnectionInputSchema, ConnectionStatusSchema, { owner: true }),
  'connection:setSandbox': channel(z.object({ on: z.boolean() }), ConnectionStatusSchema, { owner: true }),
  'connection:test': channel(NoArgs, PhoneNumberCheckSchema, { owner: true }),
  'connection:resumeOutbox': channel(NoArgs, ConnectionStatusSchema, { owner: true }),
  // Owner-only: a simulated customer message can record (sandbox-marked) consent events.
  'sandbox:simulateInbound': channel(SimulateInboundSchema, z.object({ messageId: z.string() }), { owner: true }),
  'sandbox:sent': channel(
    NoArgs,
    z.array(z.object({ id: z.string(), to: z.string(), type: z.string(), templateName: z.string().optional(), text: z.string().optional(), at: z.number() })),
  ),
};
