/** Wake-ups and idle waiters of the send loop: naps that end early on news, and promises for drain()/settled(). */

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    // Unref'd: a pending nap must never keep the process alive on its own.
    setTimeout(resolve, ms).unref();
  });

/** The loop naps until its timer or a {@link wake}; waiters resolve as soon as their condition holds. */
export class LoopSignals {
  private wakeUp: (() => void) | undefined;
  private readonly waiters: { ready: () => boolean; resolve: () => void }[] = [];

  constructor(private readonly sleep: (ms: number) => Promise<void> = defaultSleep) {}

  /** Waits `ms` (capped at a second, so far-off work is re-checked) or until woken; 0 yields one turn. */
  nap(ms: number): Promise<void> {
    if (ms <= 0) return new Promise((resolve) => setImmediate(resolve));
    return Promise.race([
      this.sleep(Math.min(ms, 1000)),
      new Promise<void>((resolve) => {
        this.wakeUp = resolve;
      }),
    ]);
  }

  /** Ends the current nap and re-checks the waiters. */
  wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    wake?.();
    this.settle();
  }

  /** Resolves once `ready()` holds (checked now and at every wake or loop turn). */
  waitFor(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  /** Resolves the waiters whose condition holds. */
  settle(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (waiter.ready()) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
