import { z } from 'zod';
import {
  EntryPointInputSchema,
  EntryPointSchema,
  EntryPointUpdateSchema,
  ErrorCorrectionSchema,
} from '../domain/entry-points/types';
import { channel, NoArgs } from './define';
import { PrintOutcomeSchema } from './print';

export { PrintOutcomeSchema, type PrintOutcome } from './print';

const IdArgs = z.object({ id: z.string().min(1, 'Choose an entry point.') });


/** Chats started per entry point per day. */
export const EntryPointStatsSchema = z.array(
  z.object({
    refCode: z.string(),
    name: z.string(),
    days: z.array(z.object({ day: z.string(), chats: z.number().int() })),
  }),
);

/** Entry points, their downloadable QR PNG, posters and stats. */
export const entryPointChannels = {
  'entryPoints:list': channel(NoArgs, z.array(EntryPointSchema)),
  'entryPoints:create': channel(EntryPointInputSchema, EntryPointSchema, { owner: true }),
  'entryPoints:update': channel(EntryPointUpdateSchema, EntryPointSchema, { owner: true }),
  'entryPoints:duplicate': channel(IdArgs, EntryPointSchema, { owner: true }),
  'entryPoints:delete': channel(IdArgs, z.object({ deleted: z.literal(true) }), { owner: true }),
  'entryPoints:qrPng': channel(
    IdArgs.extend({ errorCorrection: ErrorCorrectionSchema.optional(), size: z.number().int().min(128).max(4096).default(1024) }),
    z.object({ fileName: z.string(), base64: z.string() }),
  ),
  'entryPoints:stats': channel(NoArgs, EntryPointStatsSchema),
  'posters:batch': channel(
    IdArgs.extend({
      placements: z
        .array(z.string().trim().min(1, 'A placement name cannot be empty.').max(40, 'Keep each placement under 40 characters.'))
        .min(1, 'List at least one till, table or branch.')
        .max(200, 'Print at most 200 posters at a time.'),
    }),
    z.object({ entryPoints: z.array(EntryPointSchema) }),
    { owner: true },
  ),
  'posters:print': channel(
    z.object({
      ids: z.array(z.string().min(1)).min(1, 'Choose at least one poster.').max(200, 'Print at most 200 posters at a time.'),
      action: z.enum(['print', 'pdf']),
    }),
    PrintOutcomeSchema,
  ),
};
