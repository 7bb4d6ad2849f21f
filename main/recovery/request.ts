import { z } from 'zod';
import type { RecoveryRequest } from './contract';

/** Parses one button press from the recovery page; anything else is refused. */
export const RecoveryRequestSchema = z.union([
  z.object({ action: z.enum(['retry', 'open-data-folder', 're-enter-secrets', 'quit']) }).strict(),
  z.object({ action: z.literal('restore-backup'), backupPath: z.string().min(1).max(4096) }).strict(),
]) satisfies z.ZodType<RecoveryRequest>;
