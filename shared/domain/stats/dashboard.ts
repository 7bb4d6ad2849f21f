/** The Today dashboard's figures for a window of days, assembled from the tallies. */
import { total, type ConsentTally, type MethodCounts } from './consent-tally';
import type { MessageDay } from './message-tally';

/** Chats started per entry point, as the entry points service reports them. */
export interface ChatStatsInput {
  refCode: string;
  name: string;
  days: { day: string; chats: number }[];
}

/** A day of counts split by a key (consent method, entry point ref). */
export interface SplitDay {
  day: string;
  total: number;
  by: Record<string, number>;
}

/** Everything the Today page shows. */
export interface Dashboard {
  /** The shop's local day the figures were computed on. */
  today: string;
  /** The window, oldest first, ending today. */
  days: string[];
  counts: { optIns: number; revocations: number; chatsStarted: number; sent: number; delivered: number; read: number };
  /** Methods with opt-ins in the window, most used first. */
  optInMethods: string[];
  optIns: SplitDay[];
  /** Methods with revocations in the window, most used first. */
  revocationMethods: string[];
  revocations: SplitDay[];
  /** Entry points that started chats in the window, most first. */
  entryPoints: { refCode: string; name: string; total: number }[];
  chats: SplitDay[];
  messages: ({ day: string } & MessageDay)[];
}

/** Keys of the split days ordered by their total over the window (ties by name, so the order is stable). */
function keysByTotal(days: SplitDay[]): string[] {
  const totals = new Map<string, number>();
  for (const d of days) for (const [k, n] of Object.entries(d.by)) totals.set(k, (totals.get(k) ?? 0) + n);
  return [...totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

const split = (day: string, by: MethodCounts): SplitDay => ({ day, total: total(by), by });

/** Assembles the dashboard; `days` must end with today. */
export function buildDashboard(input: {
  days: string[];
  consent: ConsentTally;
  messages: Map<string, MessageDay>;
  chats: ChatStatsInput[];
}): Dashboard {
  const { days, consent } = input;
  const today = days[days.length - 1] ?? '';
  const optIns = days.map((day) => split(day, consent.optInsOn(day)));
  const revocations = days.map((day) => split(day, consent.revocationsOn(day)));
  const chatIndex = new Map(input.chats.map((c) => [c.refCode, new Map(c.days.map((d) => [d.day, d.chats]))]));
  const chats = days.map((day) => {
    const by: Record<string, number> = {};
    for (const [ref, perDay] of chatIndex) {
      const n = perDay.get(day) ?? 0;
      if (n > 0) by[ref] = n;
    }
    return split(day, by);
  });
  const chatTotals = new Map(keysByTotal(chats).map((ref) => [ref, chats.reduce((sum, d) => sum + (d.by[ref] ?? 0), 0)]));
  const entryPoints = input.chats
    .filter((c) => chatTotals.has(c.refCode))
    .map((c) => ({ refCode: c.refCode, name: c.name, total: chatTotals.get(c.refCode)! }))
    .sort((a, b) => b.total - a.total || a.refCode.localeCompare(b.refCode));
  const messages = days.map((day) => ({ day, ...(input.messages.get(day) ?? { sent: 0, delivered: 0, read: 0, failed: 0 }) }));
  const last = <T>(list: T[]): T | undefined => list[list.length - 1];
  const todayMessages = last(messages);
  return {
    today,
    days,
    counts: {
      optIns: last(optIns)?.total ?? 0,
      revocations: last(revocations)?.total ?? 0,
      chatsStarted: last(chats)?.total ?? 0,
      sent: todayMessages?.sent ?? 0,
      delivered: todayMessages?.delivered ?? 0,
      read: todayMessages?.read ?? 0,
    },
    optInMethods: keysByTotal(optIns),
    optIns,
    revocationMethods: keysByTotal(revocations),
    revocations,
    entryPoints,
    chats,
    messages,
  };
}
