/**
 * Sending one item at a time, many in flight: gate, durable `sending` mark, the gate again in the same turn as the
 * network call, durable result.
 */
import type { CollectionStore } from '../store';
import type { OutboxControl } from './outbox-control';
import type { OutboxItem, OutboxReason } from './outbox-item';
import type { ContactSignal, GateDecision, OutboxDeps, OutboxStatus } from './outbox-types';
import type { Pacer } from './pacer';
import type { SendScheduler } from './scheduler';
import { backoffDelay, decideSendFailure, type RetryPolicy } from './send-failure';

/** What a {@link Sender} works with (shared with the Outbox that owns it). */
export interface SenderContext {
  deps: OutboxDeps;
  items: CollectionStore<OutboxItem>;
  control: OutboxControl;
  scheduler: SendScheduler;
  pacer: Pacer;
  now: () => number;
  wake: () => void;
  emit: (item: OutboxItem) => void;
}

/** Launches due sends and records their outcomes. Every write is computed from the item as it is at that instant. */
export class Sender {
  inFlight = 0;
  /** wamid → item id, for statuses that come without our callback data. */
  readonly wamids = new Map<string, string>();
  offline: OutboxStatus['offline'];
  private offlineHoldStart = -Infinity;
  private storageFailed = false;
  private readonly running = new Set<Promise<void>>();
  /** Requests on the wire, and sends waiting for one of those slots. */
  private requests = 0;
  private readonly requestQueue: (() => void)[] = [];
  private readonly policy: RetryPolicy;

  constructor(private readonly ctx: SenderContext) {
    const d = ctx.deps;
    this.policy = {
      maxAttempts: d.maxAttempts ?? 8,
      backoffBaseMs: d.backoffBaseMs ?? 1000,
      backoffMaxMs: d.backoffMaxMs ?? 5 * 60_000,
      pairRetryUnitMs: d.pairRetryUnitMs ?? 1000,
      retryAfter24hMs: d.retryAfter24hMs ?? 24 * 3600_000,
      random: d.random ?? Math.random,
    };
  }

  /** Launches every send allowed now; returns how long until the next one could go (Infinity = wait for a wake). */
  launchDue(): number {
    if (this.storageFailed) return Infinity;
    const now = this.ctx.now();
    // Sends in process (consent check, result write) may outnumber requests on the wire, so a slow check or disk
    // flush does not starve the network. While offline only one probe is in process: the others would fail alike.
    const max = this.offline ? 1 : this.concurrency * 4;
    for (;;) {
      if (this.inFlight >= max) return Infinity;
      const pick = this.ctx.scheduler.next(now);
      if (!pick.item) return pick.waitMs;
      const item = pick.item;
      const previousPair = this.ctx.pacer.lastSendTo(item.to);
      this.ctx.scheduler.take(item, now);
      this.inFlight += 1;
      const run: Promise<void> = this.process(item.id, previousPair)
        .catch((error: unknown) => this.storageFailure(error))
        .finally(() => {
          this.inFlight -= 1;
          this.ctx.scheduler.inProcess.delete(item.id);
          this.running.delete(run);
          this.ctx.wake();
        });
      this.running.add(run);
    }
  }

  /** Resolves when no send is in flight. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Forgets the offline state (the owner resumed): the next send probes at once. */
  clearOffline(): void {
    this.offline = undefined;
    this.offlineHoldStart = -Infinity;
    this.ctx.pacer.releaseHold();
  }

  /** Tells the consent side about a stop (131050) or a bounce (131026). Throws what the callback throws. */
  async signal(effect: 'user_stopped' | 'undeliverable', item: OutboxItem, code: number | undefined): Promise<void> {
    const signal: ContactSignal = { contactId: item.contactId, itemId: item.id, to: item.to, code, at: this.ctx.now() };
    if (effect === 'user_stopped') await this.ctx.deps.onUserStoppedMarketing?.(signal);
    else await this.ctx.deps.onUndeliverable?.(signal);
  }

  private async process(id: string, previousPair: number | undefined): Promise<void> {
    const { items, pacer, deps } = this.ctx;
    const queued = items.get(id)!;
    let decision: GateDecision;
    try {
      decision = await deps.gate(queued);
    } catch (error) {
      decision = { ok: false, reason: `The consent check failed: ${(error as Error)?.message ?? String(error)}` };
    }
    const item = items.get(id);
    if (!item || item.state !== 'queued') return pacer.giveBack(queued.to, previousPair);
    if (!decision.ok) {
      pacer.giveBack(item.to, previousPair);
      await this.write(item, { state: 'skipped', error: { action: 'consent_refused', message: decision.reason } });
      return;
    }
    // The request slot is taken before the `sending` mark, so items marked but not on the wire stay few (a crash
    // turns every `sending` item into `unknown`); it is released as soon as the answer is in.
    await this.requestSlot();
    let sending: OutboxItem;
    try {
      const current = items.get(id)!;
      if (current.state !== 'queued' || this.ctx.control.holds(current.campaignId)) {
        // Cancelled or paused meanwhile: nothing leaves; a paused item waits in the queue.
        this.releaseRequest();
        pacer.giveBack(current.to, previousPair);
        if (current.state === 'queued') this.ctx.scheduler.add(current);
        return;
      }
      // On disk before the request leaves: a crash from here on leaves `sending`, read back as `unknown`.
      sending = await this.write(current, { state: 'sending', attempts: current.attempts + 1, sendingSince: this.ctx.now() });
    } catch (error) {
      this.releaseRequest();
      throw error;
    }
    await this.requestPace();
    // No await from here to the network call: the decision is the ledger's state at the instant the request leaves.
    const last = this.lastMomentCheck(items.get(id) ?? sending);
    if (!last.ok) {
      this.releaseRequest();
      pacer.giveBack(sending.to, previousPair);
      const current = items.get(id) ?? sending;
      await this.write(current, {
        state: 'skipped',
        attempts: Math.max(0, current.attempts - 1),
        sendingSince: undefined,
        error: { action: 'consent_refused', message: last.reason },
      });
      return;
    }
    let messageId: string;
    try {
      messageId = (await this.send(sending)).messageId;
    } catch (error) {
      this.releaseRequest();
      await this.failed(id, error, previousPair);
      return;
    }
    this.releaseRequest();
    await this.accepted(id, messageId);
  }

  /** The synchronous consent check right before the request; fails closed. */
  private lastMomentCheck(item: OutboxItem): GateDecision {
    const check = this.ctx.deps.checkAtSend;
    if (!check) return { ok: true };
    try {
      return check(item);
    } catch (error) {
      return { ok: false, reason: `The consent check failed: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  private get concurrency(): number {
    return Math.max(1, this.ctx.deps.concurrency ?? 32);
  }

  /** Waits for one of the `concurrency` request slots. */
  private async requestSlot(): Promise<void> {
    // A waiter is handed its slot by releaseRequest (the count does not change).
    if (this.requests >= this.concurrency) await new Promise<void>((resolve) => this.requestQueue.push(resolve));
    else this.requests += 1;
  }

  /** Waits (rarely, a few ms) until the request may leave without exceeding the limit in any one second. */
  private async requestPace(): Promise<void> {
    const { pacer, now, deps } = this.ctx;
    for (let wait = pacer.waitForRequestSlot(now()); wait > 0; wait = pacer.waitForRequestSlot(now())) {
      await (deps.sleep ? deps.sleep(wait) : new Promise((resolve) => setTimeout(resolve, wait)));
    }
    pacer.recordRequest(now());
  }

  private releaseRequest(): void {
    const next = this.requestQueue.shift();
    if (next) next();
    else this.requests -= 1;
  }

  private send(item: OutboxItem): Promise<{ messageId: string }> {
    const { client } = this.ctx.deps;
    if (item.kind === 'template' && item.template) {
      const t = item.template;
      return client.sendTemplate({ to: item.to, name: t.name, language: t.language, components: t.components, bizOpaqueCallbackData: item.id });
    }
    return client.sendText({ to: item.to, body: item.text ?? '', bizOpaqueCallbackData: item.id });
  }

  private async accepted(id: string, wamid: string): Promise<void> {
    const current = this.ctx.items.get(id)!;
    this.wamids.set(wamid, id);
    if (this.offline) {
      this.clearOffline();
      this.ctx.deps.onAlert?.({ kind: 'online' });
    }
    // A status webhook may have overtaken the answer: keep its (later) state.
    if (current.state === 'sending') await this.write(current, { state: 'accepted', wamid, sendingSince: undefined, error: undefined });
    else if (!current.wamid) await this.write(current, { wamid });
  }

  private async failed(id: string, error: unknown, previousPair: number | undefined): Promise<void> {
    const { items, pacer, control, scheduler, deps } = this.ctx;
    const current = items.get(id)!;
    if (current.state !== 'sending') return;
    const now = this.ctx.now();
    const d = decideSendFailure(error, current.attempts, this.policy);
    if (d.kind !== 'unknown') pacer.releasePair(current.to, previousPair);
    const requeue = async (patch: Partial<OutboxItem>): Promise<void> => {
      const next = await this.write(current, { state: 'queued', sendingSince: undefined, ...patch });
      scheduler.add(next);
    };
    switch (d.kind) {
      case 'offline':
        // Surely not sent: not an attempt, and first in line when the network is back.
        await requeue({ attempts: current.attempts - 1, error: d.error });
        this.noteOffline(d.error, current.sendingSince ?? now);
        return;
      case 'unknown':
        await this.write(current, { state: 'unknown', error: d.error });
        return;
      case 'retry':
        if (d.slowDown) pacer.slowDown(now, d.holdAllMs);
        await requeue({ nextAttemptAt: now + d.delayMs, error: d.error });
        return;
      case 'stop':
        await requeue({ attempts: current.attempts - 1, error: d.error });
        if (await control.pauseGlobal(d.error, now)) deps.onAlert?.({ kind: 'paused', reason: d.error });
        return;
      case 'pause_campaigns':
        await requeue({ nextAttemptAt: now + d.delayMs, error: d.error });
        if (await control.pauseCampaigns(d.error, now)) deps.onAlert?.({ kind: 'campaigns_paused', reason: d.error });
        return;
      case 'fail':
        await this.write(current, { state: 'failed', sendingSince: undefined, error: d.error });
        await this.afterFail(d.effect, items.get(id)!, d.error);
    }
  }

  private async afterFail(effect: 'undeliverable' | 'user_stopped' | 'resync_templates' | 'template_paused' | undefined, item: OutboxItem, error: OutboxReason): Promise<void> {
    const { deps, control } = this.ctx;
    if (effect === 'undeliverable' || effect === 'user_stopped') {
      try {
        await this.signal(effect, item, error.code);
      } catch (cause) {
        deps.onAlert?.({ kind: 'callback_failed', message: `Recording ${effect} for contact ${item.contactId} failed: ${String(cause)}` });
      }
    } else if (effect === 'resync_templates' && item.template) {
      deps.onAlert?.({ kind: 'resync_templates', template: { name: item.template.name, language: item.template.language }, reason: error });
    } else if (effect === 'template_paused' && item.campaignId !== undefined) {
      if (await control.pauseCampaign(item.campaignId, error, this.ctx.now())) {
        deps.onAlert?.({ kind: 'campaign_paused', campaignId: item.campaignId, reason: error });
      }
    }
  }

  private noteOffline(reason: OutboxReason, startedAt: number): void {
    const now = this.ctx.now();
    if (!this.offline) {
      this.offline = { since: now, failures: 0, reason };
      this.ctx.deps.onAlert?.({ kind: 'offline', reason });
    }
    // Sends that left before the current hold began say nothing new about the network.
    if (startedAt < this.offlineHoldStart) return;
    this.offline = { ...this.offline, failures: this.offline.failures + 1, reason };
    this.offlineHoldStart = now;
    const maxMs = this.ctx.deps.offlineProbeMaxMs ?? 30_000;
    this.ctx.pacer.hold(now + backoffDelay(this.offline.failures, Math.min(this.policy.backoffBaseMs, maxMs), maxMs, this.policy.random));
  }

  private async write(current: OutboxItem, patch: Partial<OutboxItem>): Promise<OutboxItem> {
    const next = { ...current, ...patch, updatedAt: this.ctx.now() } as OutboxItem;
    const durable = this.ctx.items.upsert(next);
    // The collection applies the write in memory at once: this is exactly what was written.
    const stored = this.ctx.items.get(next.id) ?? next;
    await durable;
    if (stored.state !== current.state) this.ctx.emit(stored);
    return stored;
  }

  private storageFailure(error: unknown): void {
    // Memory and disk may now differ: stop sending rather than risk a send that is not on record.
    this.storageFailed = true;
    this.ctx.deps.onAlert?.({ kind: 'storage_failed', message: String((error as Error)?.message ?? error) });
  }
}
