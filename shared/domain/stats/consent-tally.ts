/** Running per-day counts of opt-ins and revocations, fed once from the whole log and then event by event. */
import type { ConsentEvent } from '../consent/event';
import type { DayOf } from './days';

/** The fields of a consent event the tally reads. */
export type TalliedEvent = Pick<ConsentEvent, 'contactId' | 'type' | 'method' | 'occurredAt'>;

/** Counts by consent method on one day. */
export type MethodCounts = Record<string, number>;

/**
 * Opt-ins (confirmed events) and revocations per local day and method. One act recorded for several purposes at
 * once (ticking order updates and offers at the counter, one STOP ending both) is written as adjacent events with
 * the same contact, type, method and time: it counts once, which is what the shop means by "one opt-in".
 */
export class ConsentTally {
  private readonly optIns = new Map<string, MethodCounts>();
  private readonly revocations = new Map<string, MethodCounts>();
  private lastAct = '';

  constructor(private readonly dayOf: DayOf) {}

  /** Adds events in log order; other event types (requested, welcomed, expired, bounced) are not counted. */
  add(events: Iterable<TalliedEvent>): void {
    for (const event of events) {
      const target = event.type === 'confirmed' ? this.optIns : event.type === 'revoked' ? this.revocations : null;
      if (!target) continue;
      const act = `${event.contactId}|${event.type}|${event.method}|${event.occurredAt}`;
      if (act === this.lastAct) continue;
      this.lastAct = act;
      const at = Date.parse(event.occurredAt);
      if (Number.isNaN(at)) continue;
      const day = this.dayOf(at);
      const counts = target.get(day) ?? {};
      counts[event.method] = (counts[event.method] ?? 0) + 1;
      target.set(day, counts);
    }
  }

  /** Opt-ins on a day by method (empty when none). */
  optInsOn(day: string): MethodCounts {
    return { ...(this.optIns.get(day) ?? {}) };
  }

  /** Revocations on a day by method (empty when none). */
  revocationsOn(day: string): MethodCounts {
    return { ...(this.revocations.get(day) ?? {}) };
  }
}

/** The sum of a day's counts. */
export function total(counts: MethodCounts): number {
  let sum = 0;
  for (const n of Object.values(counts)) sum += n;
  return sum;
}
