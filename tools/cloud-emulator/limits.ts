/** Rate limits of the emulated number: messages per sliding second (130429) and per recipient pair (131056). */

/** Sliding one-second window counter. */
export class ThroughputWindow {
  private times: number[] = [];
  private head = 0;

  /** True when one more message fits under `perSecond` at `now` (0 or less disables the limit). */
  allows(now: number, perSecond: number): boolean {
    if (perSecond <= 0) return true;
    while (this.head < this.times.length && this.times[this.head]! <= now - 1000) this.head++;
    if (this.head > 4096) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head < perSecond;
  }

  /** Counts one message at `now`. */
  record(now: number): void {
    this.times.push(now);
  }

  reset(): void {
    this.times = [];
    this.head = 0;
  }
}

/** Last accepted send per recipient. */
export class PairLimiter {
  private last = new Map<string, number>();

  /** True when `to` may receive another message at `now`. */
  allows(to: string, now: number, intervalMs: number): boolean {
    if (intervalMs <= 0) return true;
    const previous = this.last.get(to);
    return previous === undefined || now - previous >= intervalMs;
  }

  record(to: string, now: number): void {
    this.last.set(to, now);
  }

  reset(): void {
    this.last.clear();
  }
}
