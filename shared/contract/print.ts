import { z } from 'zod';

/** What a print request produced: paper, a saved PDF, or (in a browser) a page to print from. */
export const PrintOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('printed') }),
  z.object({ kind: z.literal('pdf'), path: z.string() }),
  z.object({ kind: z.literal('open'), url: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;
