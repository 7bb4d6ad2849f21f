/**
 * Resyncs the template catalogue when a send fails with 132001 (template missing or not approved), at most once per
 * interval: Meta's management API allows about 200 calls an hour, and a campaign can fail thousands of sends in one
 * burst that a single resync answers. Requests inside the interval (or while a sync runs) are dropped.
 */
export class TemplateResync {
  private lastAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: {
      sync: () => Promise<unknown>;
      now: () => number;
      /** Default one minute. */
      minIntervalMs?: number;
      onSynced?: () => void;
      onError?: (error: unknown) => void;
    },
  ) {}

  /** Asks for a resync; returns whether one was started. */
  request(): boolean {
    if (this.running || this.options.now() - this.lastAt < (this.options.minIntervalMs ?? 60_000)) return false;
    this.lastAt = this.options.now();
    this.running = this.options
      .sync()
      .then(() => this.options.onSynced?.())
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = null;
      });
    return true;
  }

  /** Resolves when no sync is running (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }
}
