import { z } from 'zod';
import { channel } from './define';

const SplitDaySchema = z.object({ day: z.string(), total: z.number().int(), by: z.record(z.string(), z.number().int()) });

/** The Today dashboard: series over the chosen window (days in the shop's local time) and today's counts. */
export const DashboardSchema = z.object({
  today: z.string(),
  days: z.array(z.string()),
  counts: z.object({
    optIns: z.number().int(),
    revocations: z.number().int(),
    chatsStarted: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int(),
    read: z.number().int(),
  }),
  optInMethods: z.array(z.string()),
  optIns: z.array(SplitDaySchema),
  revocationMethods: z.array(z.string()),
  revocations: z.array(SplitDaySchema),
  entryPoints: z.array(z.object({ refCode: z.string(), name: z.string(), total: z.number().int() })),
  chats: z.array(SplitDaySchema),
  messages: z.array(
    z.object({ day: z.string(), sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), failed: z.number().int() }),
  ),
});
export type DashboardView = z.infer<typeof DashboardSchema>;

/** Window lengths the Today page offers. */
export const DASHBOARD_WINDOWS = [7, 30, 90] as const;

/** Dashboard figures. */
export const statsChannels = {
  'stats:today': channel(
    z
      .object({
        days: z.union([z.literal(7), z.literal(30), z.literal(90)], { error: 'Choose 7, 30 or 90 days.' }).default(30),
      })
      .default({ days: 30 }),
    DashboardSchema,
  ),
};
