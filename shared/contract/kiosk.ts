import { z } from 'zod';
import type { ChannelName } from '../contract';
import { channel, NoArgs } from './define';

/** Whether the customer kiosk holds this till; main owns it and keeps it in settings.json across restarts. */
export const KioskStatusSchema = z.object({
  on: z.boolean(),
  /** Entering needs an owner PIN (otherwise nothing could keep a customer in the kiosk). */
  pinSet: z.boolean(),
  since: z.string().nullable(),
});
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

/** The specific errors of kiosk mode; the UI words them in every language from the code. */
export const KioskErrorCodes = {
  /** kiosk:enter with no owner PIN: the owner sets one first. */
  pinNotSet: 'kiosk_pin_not_set',
  /** A channel the kiosk screen does not use, called while the kiosk is on. */
  refused: 'kiosk_on',
} as const;

/** The customer kiosk: its state, entering it, leaving it with the owner PIN. */
export const kioskChannels = {
  'kiosk:status': channel(NoArgs, KioskStatusSchema),
  'kiosk:enter': channel(NoArgs, KioskStatusSchema),
  'kiosk:exit': channel(z.object({ pin: z.string().max(12) }), z.object({ allowed: z.boolean() })),
};

/**
 * The only channels main answers while the kiosk is on: what the kiosk screen itself calls (the shell's
 * start-up info and profile, the consent statement and the self-service opt-in, the kiosk's own state and exit;
 * entering again is harmless, it can only keep the kiosk on).
 * Everything else (contact search, exports, settings, campaigns…) is refused, whichever window or tab asks.
 */
export const KIOSK_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app:info',
  'profile:get',
  'consent:statement',
  'consent:kioskOptIn',
  'kiosk:status',
  'kiosk:enter',
  'kiosk:exit',
]);

/** The one decision the dispatcher asks before every call. */
export function kioskAllows(channelName: ChannelName, kioskOn: boolean): boolean {
  return !kioskOn || KIOSK_CHANNELS.has(channelName);
}
