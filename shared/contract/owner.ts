import { z } from 'zod';
import { channel, NoArgs } from './define';

/** An owner PIN: 4 to 12 digits, easy to type on a till keypad. */
export const PinSchema = z.string().regex(/^\d{4,12}$/, 'The PIN must be 4 to 12 digits.');

/** Staff mode: owner PIN set, unlock, lock. */
export const ownerChannels = {
  'owner:setPin': channel(z.object({ pin: PinSchema }), z.object({ set: z.literal(true) }), { owner: true }),
  'owner:unlock': channel(z.object({ pin: z.string().max(12) }), z.object({ unlocked: z.boolean() })),
  'owner:lock': channel(NoArgs, z.object({ unlocked: z.literal(false) })),
};

/** Too many wrong PINs: every PIN check (unlock, leaving the kiosk) waits; the error carries retryAfterSeconds. */
export const OwnerErrorCodes = {
  pinLockedOut: 'pin_locked_out',
} as const;
