import { z } from 'zod';
import { ImportProgressSchema } from './import';
import { CampaignProgressSchema } from './campaigns';
import { BackupProgressSchema } from './backups';
import { KioskStatusSchema } from './kiosk';

/** Events main pushes to the renderer; each subscription returns its own unsubscribe function. */
export const events = {
  'profile:changed': z.object({ at: z.string() }),
  'data:changed': z.object({ domain: z.string() }),
  /** A CSV import's progress (at most every 100 ms). */
  'import:progress': ImportProgressSchema,
  /** A campaign's counts and status (at most every 100 ms per campaign). */
  'campaign:progress': CampaignProgressSchema,
  /** A manual backup's bytes copied (at most every 100 ms). */
  'backup:progress': BackupProgressSchema,
  /** Outbox items that changed in the last ~100 ms (coalesced so campaigns do not flood the renderer). */
  'outbox:changed': z.object({
    items: z.array(
      z.object({ id: z.string(), contactId: z.string(), state: z.string(), origin: z.string(), campaignId: z.string().optional() }),
    ),
  }),
  /** Something the owner should know about sending (paused, offline, template problems). */
  'outbox:alert': z.object({ kind: z.string(), message: z.string() }),
  /** Main sends the renderer to a page: the menu's F2 (Counter) / F3 (Find a contact), or Settings to enter secrets again. */
  'app:navigate': z.object({ route: z.enum(['counter', 'contacts', 'settings']) }),
  /** The kiosk was entered or left (main owns it; every window follows). */
  'kiosk:changed': KioskStatusSchema,
};
