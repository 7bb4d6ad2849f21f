/** Per-day counts of outgoing messages from the outbox items' states. */
import type { DayOf } from './days';

/** The fields of an outbox item the tally reads. */
export interface TalliedMessage {
  state: string;
  createdAt: number;
  updatedAt: number;
}

/** Messages on one day. */
export interface MessageDay {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

const SENT = new Set(['sent', 'delivered', 'read']);
const DELIVERED = new Set(['delivered', 'read']);

/**
 * Counts messages on the given days. An item only keeps its furthest state and the time of its last change, so:
 * a message counts as sent (it reached at least `sent`, as in the outbox funnel) on the day it was queued, and as
 * delivered / read / failed on the day of its last status. A message read today counts as delivered today too.
 */
export function tallyMessages(items: Iterable<TalliedMessage>, dayOf: DayOf, days: readonly string[]): Map<string, MessageDay> {
  const byDay = new Map<string, MessageDay>(days.map((day) => [day, { sent: 0, delivered: 0, read: 0, failed: 0 }]));
  for (const item of items) {
    if (SENT.has(item.state)) {
      const row = byDay.get(dayOf(item.createdAt));
      if (row) row.sent += 1;
    }
    if (DELIVERED.has(item.state) || item.state === 'failed') {
      const row = byDay.get(dayOf(item.updatedAt));
      if (!row) continue;
      if (item.state === 'failed') row.failed += 1;
      else row.delivered += 1;
      if (item.state === 'read') row.read += 1;
    }
  }
  return byDay;
}
