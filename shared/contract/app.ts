import { z } from 'zod';
import { channel, NoArgs } from './define';

/** What the shell needs to know at start: which data folder, whether a PIN is set, whether the owner is unlocked. */
export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  runtime: z.enum(['electron', 'web-bridge']),
  ownerPinSet: z.boolean(),
  ownerUnlocked: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Only wa.me click-to-chat links may leave the app for the system browser. */
export const ExternalUrlSchema = z.object({ url: z.string().url('That is not a web address.') });

/** App shell: info, external links. */
export const appChannels = {
  'app:info': channel(NoArgs, AppInfoSchema),
  'app:openExternal': channel(ExternalUrlSchema, z.object({ opened: z.boolean() })),
};
