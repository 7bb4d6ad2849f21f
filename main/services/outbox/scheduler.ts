/** Picks the next item to send: due, not paused, recipient free under the pair limit, token available. */
import { DueQueue } from './due-queue';
import type { OutboxControl } from './outbox-control';
import type { OutboxItem } from './outbox-item';
import type { Pacer } from './pacer';

/** Either an item to launch now, or how long until something may be launchable. */
export type NextPick = { item: OutboxItem } | { item: undefined; waitMs: number };

/**
 * The due queue plus the rules that gate it. Paused items are parked aside until resumed, recipients still inside
 * the pair interval are pushed back to when they are free, and ids already being processed are never picked twice.
 */
export class SendScheduler {
  private readonly queue = new DueQueue();
  private readonly held = new Set<string>();
  /** Ids between pick and their final write: guards against a second entry picking the same item. */
  readonly inProcess = new Set<string>();

  constructor(
    private readonly getItem: (id: string) => OutboxItem | undefined,
    private readonly control: OutboxControl,
    private readonly pacer: Pacer,
  ) {}

  /** Schedules a queued item at its nextAttemptAt. */
  add(item: OutboxItem): void {
    this.queue.push(item.id, item.nextAttemptAt);
  }

  /** Puts parked items back once their pause is over. */
  releaseHeld(): void {
    for (const id of this.held) {
      const item = this.getItem(id);
      if (!item || item.state !== 'queued') this.held.delete(id);
      else if (!this.control.holds(item.campaignId)) {
        this.held.delete(id);
        this.add(item);
      }
    }
  }

  /** The next item to send at `now`, or how long to wait (Infinity = nothing queued that could go). */
  next(now: number): NextPick {
    for (;;) {
      const top = this.queue.peek();
      if (!top) return { item: undefined, waitMs: Infinity };
      const item = this.getItem(top.id);
      if (!item || item.state !== 'queued' || this.inProcess.has(item.id) || item.nextAttemptAt > top.due) {
        this.queue.pop();
        continue;
      }
      if (this.control.holds(item.campaignId)) {
        this.queue.pop();
        this.held.add(item.id);
        continue;
      }
      if (top.due > now) return { item: undefined, waitMs: top.due - now };
      const pairWait = this.pacer.waitForRecipient(item.to, now);
      if (pairWait > 0) {
        this.queue.pop();
        this.queue.push(item.id, now + pairWait);
        continue;
      }
      const tokenWait = this.pacer.waitForToken(now);
      if (tokenWait > 0) return { item: undefined, waitMs: tokenWait };
      return { item };
    }
  }

  /** Takes the item returned by {@link next}: removes its entry, uses a token and the recipient's slot. */
  take(item: OutboxItem, now: number): void {
    this.queue.pop();
    this.pacer.take(item.to, now);
    this.inProcess.add(item.id);
  }

  /** True when nothing queued could go now (everything is in the future, paused or gone). */
  nothingDue(now: number): boolean {
    const pick = this.next(now);
    return pick.item === undefined && (pick.waitMs === Infinity || !this.tokenBound(now));
  }

  /** True when no queued item is left that could ever go without the owner (paused ones excluded). */
  empty(now: number): boolean {
    const pick = this.next(now);
    return pick.item === undefined && pick.waitMs === Infinity;
  }

  /** Whether the top entry is due now and only waits for a token. */
  private tokenBound(now: number): boolean {
    const top = this.queue.peek();
    return top !== undefined && top.due <= now;
  }
}
