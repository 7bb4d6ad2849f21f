import { z } from 'zod';
import { channel, NoArgs } from './define';

/** Languages the UI ships; the first is the fallback. */
export const LOCALES = ['en', 'es', 'pt', 'hi'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** What the owner types in the wizard or settings; the phone is raw here and normalised in main. */
export const ProfileInputSchema = z.object({
  businessName: z
    .string()
    .trim()
    .min(1, 'Enter the business name customers know you by.')
    .max(80, 'Keep the business name under 80 characters.'),
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose the country of the WhatsApp number.'),
  phone: z.string().trim().min(1, 'Enter the WhatsApp number of the shop.').max(40, 'That number is too long.'),
  locale: LocaleSchema,
  mode: z.enum(['sandbox', 'live_later']),
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

/** The stored business profile: the number is E.164 from here on. */
export const ProfileSchema = z.object({
  businessName: z.string(),
  country: z.string(),
  phoneE164: z.string(),
  phoneDisplay: z.string(),
  locale: LocaleSchema,
  mode: z.enum(['sandbox', 'live_later', 'live']),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** Business profile and first-run wizard. */
export const profileChannels = {
  'profile:get': channel(NoArgs, ProfileSchema.nullable()),
  'profile:save': channel(ProfileInputSchema, ProfileSchema, { owner: true }),
};
