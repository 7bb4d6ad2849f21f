import { z } from 'zod';

/** Events main pushes to the renderer; each subscription returns its own unsubscribe function. */
export const events = {
  'profile:changed': z.object({ at: z.string() }),
  'data:changed': z.object({ domain: z.string() }),
};
