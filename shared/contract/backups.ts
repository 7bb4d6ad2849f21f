import { z } from 'zod';
import { channel, NoArgs } from './define';

/** One backup folder as the owner sees it. */
export const BackupInfoSchema = z.object({
  path: z.string(),
  kind: z.enum(['auto', 'manual', 'pre-migration']),
  createdAt: z.number(),
  schemaVersion: z.number().int(),
  bytes: z.number(),
});
export type BackupInfoView = z.infer<typeof BackupInfoSchema>;

/** How far "Back up now" has got (sent at most every 100 ms, and once at the end). */
export const BackupProgressSchema = z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() });
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

/** Backups: list, back up now, restore (finished at the next start, when nothing holds the files open). */
export const backupChannels = {
  'backup:list': channel(NoArgs, z.object({ backups: z.array(BackupInfoSchema), folder: z.string(), pendingRestore: z.string().nullable() })),
  'backup:create': channel(NoArgs, BackupInfoSchema, { owner: true }),
  /** Stops a running "Back up now"; its create call then fails with `cancelled` and leaves nothing behind. */
  'backup:cancel': channel(NoArgs, z.object({ cancelled: z.boolean() }), { owner: true }),
  'backup:restore': channel(z.object({ path: z.string().min(1, 'Choose a backup to restore.') }), z.object({ restartRequired: z.literal(true) }), {
    owner: true,
  }),
};
