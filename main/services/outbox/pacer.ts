/** Send pacing: a token bucket under the number's throughput, and per-recipient spacing under the pair limit. */

/** Settings of a {@link Pacer}. */
export interface PacerOptions {
  /** The number's allowed messages per second. */
  throughputPerSecond: number;
  /** Share of the limit actually used: Meta counts inbound too, and arrival times jitter. */
  headroom?: number;
  /** Minimum spacing between two sends to one recipient (Meta: about 6 s). */
  pairIntervalMs: number;
  /** Extra spacing so clock skew between us and Meta never trips the pair limit. */
  pairMarginMs?: number;
}

/**
 * Decides when the next send may leave. The bucket holds at most ~2 % of a second's worth of tokens, so any
 * one-second window (Meta and the emulator count a sliding second) sees at most rate + bucket < the limit.
 */
export class Pacer {
  private readonly rate: number;
  private readonly cap: number;
  private tokens: number;
  private last: number | undefined;
  private holdUntil = 0;
  /** Share of the rate in use: cut by a tenth on each throughput error, recovering by 10 % of the rate per second. */
  private factor = 1;
  private readonly lastTo = new Map<string, number>();
  private readonly pairSpacing: number;
  /** Request start times of the last second, checked right before each request leaves. */
  private window: number[] = [];
  private windowHead = 0;
  private readonly windowMax: number;

  constructor(private readonly options: PacerOptions) {
    const limit = options.throughputPerSecond;
    // Up to one extra fractional token is kept so a late timer does not lose its share of the rate.
    this.cap = Math.max(1, Math.floor(limit * 0.02)) + 0.99;
    const perSecond = Math.min(limit * (options.headroom ?? 0.96), limit - this.cap - 0.5);
    this.rate = Math.max(0.1, perSecond) / 1000;
    this.tokens = 1;
    this.windowMax = Math.max(1, limit - Math.max(2, Math.ceil(limit * 0.03)));
    this.pairSpacing = options.pairIntervalMs > 0 ? options.pairIntervalMs + (options.pairMarginMs ?? Math.max(50, options.pairIntervalMs * 0.02)) : 0;
  }

  /** Milliseconds until a token is available (0 = now). */
  waitForToken(now: number): number {
    this.refill(now);
    if (now < this.holdUntil) return this.holdUntil - now;
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / (this.rate * this.factor));
  }

  /**
   * Milliseconds until one more request may leave without more than the limit (minus a margin) leaving in any one
   * second. Items picked at an even pace can still bunch up behind a slow disk flush; this keeps the last step even.
   */
  waitForRequestSlot(now: number): number {
    while (this.windowHead < this.window.length && this.window[this.windowHead]! <= now - 1000) this.windowHead++;
    if (this.windowHead > 4096) {
      this.window = this.window.slice(this.windowHead);
      this.windowHead = 0;
    }
    if (this.window.length - this.windowHead < this.windowMax) return 0;
    return this.window[this.windowHead]! + 1000 - now + 1;
  }

  /** Notes a request leaving now (after {@link waitForRequestSlot} returned 0). */
  recordRequest(now: number): void {
    this.window.push(now);
  }

  /** Milliseconds until `to` may receive again (0 = now). */
  waitForRecipient(to: string, now: number): number {
    const last = this.lastTo.get(to);
    if (last === undefined || this.pairSpacing === 0) return 0;
    return Math.max(0, last + this.pairSpacing - now);
  }

  /** Takes a token and notes the recipient; call only when both waits are 0. */
  take(to: string, now: number): void {
    this.refill(now);
    this.tokens -= 1;
    this.lastTo.set(to, now);
    if (this.lastTo.size > 50_000) this.forgetOld(now);
  }

  /** Gives back what {@link take} used when nothing was sent (gate refusal, item gone). */
  giveBack(to: string, previousAt: number | undefined): void {
    this.tokens = Math.min(this.cap, this.tokens + 1);
    this.releasePair(to, previousAt);
  }

  /** Forgets a send to `to` that Meta refused (a refused message does not count against the pair limit). */
  releasePair(to: string, previousAt: number | undefined): void {
    if (previousAt === undefined) this.lastTo.delete(to);
    else this.lastTo.set(to, previousAt);
  }

  /** When `to` last received (for {@link giveBack}). */
  lastSendTo(to: string): number | undefined {
    return this.lastTo.get(to);
  }

  /** Stops all sends until `until` and empties the bucket (throughput or rate-limit errors). */
  hold(until: number): void {
    this.holdUntil = Math.max(this.holdUntil, until);
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Meta said we are too fast (130429, 4, 80007): slow the pace for a while and stop for `holdMs`. */
  slowDown(now: number, holdMs: number): void {
    this.refill(now);
    // Answers to requests that left before the hold began say nothing new: slow down once per hold.
    if (now >= this.holdUntil) this.factor = Math.max(0.01, this.factor * 0.9);
    this.hold(now + holdMs);
  }

  /** Clears a hold at once (the owner resumed). */
  releaseHold(): void {
    this.holdUntil = 0;
  }

  private refill(now: number): void {
    if (this.last !== undefined && now > this.last) {
      const elapsed = now - this.last;
      this.tokens = Math.min(this.cap, this.tokens + elapsed * this.rate * this.factor);
      if (this.factor < 1) this.factor = Math.min(1, this.factor + elapsed / 10_000);
    }
    if (this.last === undefined || now > this.last) this.last = now;
  }

  private forgetOld(now: number): void {
    for (const [to, at] of this.lastTo) if (now - at >= this.pairSpacing) this.lastTo.delete(to);
  }
}
