/** Coalesces "this campaign changed" marks into at most one flush per interval. */

/** Calls `flush` with the marked ids, no more often than every `intervalMs`. */
export class ProgressThrottle {
  private dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private last = -Infinity;

  constructor(
    private readonly flush: (ids: string[]) => void,
    private readonly intervalMs = 100,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Marks a campaign as changed. */
  mark(id: string): void {
    this.dirty.add(id);
    if (!this.timer) this.arm();
  }

  /** Stops the pending flush. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
  }

  private arm(): void {
    this.timer = setTimeout(() => this.run(), Math.max(0, Math.ceil(this.last + this.intervalMs - this.clock())));
  }

  private run(): void {
    this.timer = null;
    // Node's timers count from the loop's cached time, so one armed after long work can fire early: wait the rest.
    if (this.clock() < this.last + this.intervalMs) return this.arm();
    const ids = [...this.dirty];
    this.dirty = new Set();
    try {
      this.flush(ids);
    } catch (error) {
      console.error('campaign progress failed:', (error as Error).message);
    } finally {
      // Counted from the end of this flush, so the next one's events come at least an interval after these.
      this.last = this.clock();
    }
  }
}
