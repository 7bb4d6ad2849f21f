/** The Today dashboard's figures, kept current in memory so a request never rescans the consent log. */
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import { ConsentTally } from '../../../shared/domain/stats/consent-tally';
import { buildDashboard, type ChatStatsInput, type Dashboard } from '../../../shared/domain/stats/dashboard';
import { dayOfWithOffset, lastDays, type DayOf } from '../../../shared/domain/stats/days';
import { tallyMessages, type TalliedMessage } from '../../../shared/domain/stats/message-tally';
import type { LedgerListener } from '../consent/ledger';

/** What the stats service reads; the real ledger, outbox and entry points service fit. */
export interface StatsDeps {
  ledger: { onChange(listener: LedgerListener): () => void; allEvents(): AsyncIterable<ConsentEvent> };
  /** Every outbox item (one pass per request: the outbox is in memory). */
  outboxItems: () => Iterable<TalliedMessage>;
  chatStats: () => ChatStatsInput[];
  now: () => Date;
  /**
   * The shop's UTC offset in minutes east of UTC at an instant. Default: the machine's local time zone (the till
   * stands in the shop), DST-aware per instant.
   */
  offsetMinutes?: (ms: number) => number;
}

/** Machine-local offset, minutes east of UTC. */
export const localOffsetMinutes = (ms: number): number => -new Date(ms).getTimezoneOffset();

/**
 * Opt-ins and revocations are tallied once from the whole consent log in the background at start (a stream, so
 * 300,000 events never sit in memory), then event by event from the ledger's change feed. Events recorded while the
 * scan runs are held and applied after it unless the scan already saw them (event ids are monotonic ULIDs).
 */
export class StatsService {
  /** Settles when the start-up scan is done. */
  readonly ready: Promise<void>;
  private readonly dayOf: DayOf;
  private readonly tally: ConsentTally;
  private held: ConsentEvent[] | null = [];
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: StatsDeps) {
    this.dayOf = dayOfWithOffset(deps.offsetMinutes ?? localOffsetMinutes);
    this.tally = new ConsentTally(this.dayOf);
    this.unsubscribe = deps.ledger.onChange((_record, events) => {
      if (this.held) this.held.push(...events);
      else this.tally.add(events);
    });
    this.ready = this.scan();
    // A failed scan is reported by today(); this keeps it from being an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  /** The dashboard for the last `days` local days, ending today. */
  async today(days: number): Promise<Dashboard> {
    await this.ready;
    const window = lastDays(this.dayOf(this.deps.now().getTime()), days);
    return buildDashboard({
      days: window,
      consent: this.tally,
      messages: tallyMessages(this.deps.outboxItems(), this.dayOf, window),
      chats: this.deps.chatStats(),
    });
  }

  /** Stops following the ledger. */
  close(): void {
    this.unsubscribe();
  }

  private async scan(): Promise<void> {
    let lastId = '';
    try {
      const batch: ConsentEvent[] = [];
      for await (const event of this.deps.ledger.allEvents()) {
        batch.push(event);
        if (event.id > lastId) lastId = event.id;
        if (batch.length >= 1000) this.tally.add(batch.splice(0));
      }
      this.tally.add(batch);
    } finally {
      const held = this.held ?? [];
      this.held = null;
      this.tally.add(held.filter((e) => e.id > lastId));
    }
  }
}
