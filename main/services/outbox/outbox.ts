/**
 * The durable outbox: every message is on disk before any network call, is sent at most once automatically,
 * is paced under the number's limits, and is moved forward only by send results and status webhooks.
 */
import { monotonicFactory } from 'ulid';
import type { CollectionStore } from '../store';
import { LoopSignals } from './loop-signals';
import { countItems, type OutboxCounts } from './outbox-counts';
import { OutboxControl } from './outbox-control';
import { OutboxError } from './outbox-errors';
import { outboxInputSchema, type OutboxInput, type OutboxItem, type OutboxReason } from './outbox-item';
import type { OutboxDeps, OutboxListQuery, OutboxStatus } from './outbox-types';
import { Pacer } from './pacer';
import { SendScheduler } from './scheduler';
import { Sender } from './sender';
import { reduceStatus, type OutboxStatusEvent } from './status-update';

/** The outbox. Create with {@link Outbox.open}; call start() to send. */
export class Outbox {
  private running = false;
  private loopDone: Promise<void> | undefined;
  private readonly signals: LoopSignals;
  private readonly now: () => number;
  private readonly sender: Sender;
  /** Item ids per contact, oldest first: a contact's conversation must not scan the whole outbox. */
  private readonly byContact = new Map<string, string[]>();

  private constructor(
    private readonly items: CollectionStore<OutboxItem>,
    private readonly control: OutboxControl,
    private readonly scheduler: SendScheduler,
    pacer: Pacer,
    private readonly deps: OutboxDeps,
    private readonly newId: () => string,
  ) {
    this.now = deps.now ?? Date.now;
    this.signals = new LoopSignals(deps.sleep);
    this.sender = new Sender({
      deps,
      items,
      control,
      scheduler,
      pacer,
      now: this.now,
      wake: () => this.wake(),
      emit: (item) => this.emit(item),
    });
  }

  /**
   * Opens the outbox's collections. Items left in `sending` by a crash become `unknown`: the request may have
   * reached WhatsApp, so they are never resent automatically (a status webhook reconciles them, or the owner).
   */
  static async open(deps: OutboxDeps): Promise<Outbox> {
    const now = deps.now ?? Date.now;
    const name = deps.collectionName ?? 'outbox';
    const items = await deps.store.collection<OutboxItem>(name);
    const control = await OutboxControl.open(deps.store, name);
    const pacer = new Pacer({ throughputPerSecond: deps.throughputPerSecond ?? 80, pairIntervalMs: deps.pairIntervalMs ?? 6000 });
    const scheduler = new SendScheduler((id) => items.get(id), control, pacer);
    const ids = monotonicFactory();
    const outbox = new Outbox(items, control, scheduler, pacer, deps, deps.newId ?? (() => ids(now())));
    const interrupted = items.all().filter((item) => item.state === 'sending');
    if (interrupted.length > 0) {
      const at = now();
      await items.upsertMany(
        interrupted.map((item) => ({
          ...item,
          state: 'unknown' as const,
          error: { action: 'unknown_outcome', message: 'The app stopped while this message was being sent: it may have reached WhatsApp.' },
          updatedAt: at,
        })),
      );
    }
    for (const item of items.values()) {
      outbox.indexContact(item);
      if (item.state === 'queued') scheduler.add(item);
      if (item.wamid) outbox.sender.wamids.set(item.wamid, item.id);
    }
    return outbox;
  }

  /** Validates and writes the items durably (one fsync for the batch), then schedules them. Existing ids are returned as they are. */
  async enqueue(inputs: readonly OutboxInput[]): Promise<OutboxItem[]> {
    const at = this.now();
    const fresh: OutboxItem[] = [];
    const out: OutboxItem[] = [];
    for (const [index, input] of inputs.entries()) {
      const parsed = outboxInputSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || undefined;
        throw new OutboxError('invalid_item', `Outbox item ${index}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, { index, field });
      }
      const { notBefore, id, ...content } = parsed.data;
      const existing = id ? this.items.get(id) : undefined;
      if (existing) {
        out.push(existing);
        continue;
      }
      const item: OutboxItem = { id: id ?? this.newId(), ...content, state: 'queued', attempts: 0, nextAttemptAt: Math.max(at, notBefore ?? at), createdAt: at, updatedAt: at };
      fresh.push(item);
      out.push(item);
    }
    if (fresh.length > 0) {
      await this.items.upsertMany(fresh);
      for (const item of fresh) {
        this.indexContact(item);
        this.scheduler.add(item);
        this.emit(item);
      }
      this.wake();
    }
    return out.map((item) => this.items.get(item.id) ?? item);
  }

  /** Starts the send loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops picking new sends and waits for the ones in flight to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await this.sender.idle();
    this.signals.settle();
  }

  /** Resolves when nothing is in flight and nothing is due now (later retries and paused items may remain). */
  drain(): Promise<void> {
    return this.signals.waitFor(() => this.sender.inFlight === 0 && (!this.running || this.control.global !== undefined || this.scheduler.nothingDue(this.now())));
  }

  /** Resolves when nothing is in flight and no queued item could still go without the owner (waits for backoffs). */
  settled(): Promise<void> {
    return this.signals.waitFor(() => this.sender.inFlight === 0 && (!this.running || this.control.global !== undefined || this.scheduler.empty(this.now())));
  }

  /** Pauses the whole outbox (no campaign) or one campaign, durably; the reason is the owner's unless Meta's is given. */
  async pause(campaignId?: string, reason: OutboxReason = { action: 'owner', message: 'Paused by the owner' }): Promise<void> {
    if (campaignId === undefined) await this.control.pauseGlobal(reason, this.now());
    else await this.control.pauseCampaign(campaignId, reason, this.now());
    this.wake();
  }

  /** Resumes the whole outbox and all campaigns (no argument), or one campaign. */
  async resume(campaignId?: string): Promise<void> {
    if (campaignId === undefined) {
      await this.control.resumeAll();
      this.sender.clearOffline();
    } else await this.control.resumeCampaign(campaignId);
    this.scheduler.releaseHeld();
    this.wake();
  }

  /** Skips every still-queued item of the campaign (reason `cancelled`); returns how many. */
  cancel(campaignId: string): Promise<number> {
    return this.skipQueued((item) => item.campaignId === campaignId, { action: 'cancelled', message: 'Campaign cancelled' });
  }

  /**
   * Skips everything still queued, e.g. when the app switches between sandbox and live: a message written for the
   * sandbox must never reach a real customer, and a live one must not vanish into the emulator.
   */
  discardQueued(message: string): Promise<number> {
    return this.skipQueued(() => true, { action: 'discarded', message });
  }

  private async skipQueued(match: (item: OutboxItem) => boolean, reason: { action: string; message: string }): Promise<number> {
    const at = this.now();
    const skipped = this.items
      .all()
      .filter((item) => item.state === 'queued' && match(item))
      .map((item): OutboxItem => ({ ...item, state: 'skipped', error: reason, updatedAt: at }));
    if (skipped.length === 0) return 0;
    await this.items.upsertMany(skipped);
    for (const item of skipped) this.emit(item);
    this.wake();
    return skipped.length;
  }

  /** Applies a status webhook: forward only, idempotent; resolves once on disk (answer the webhook after it). */
  async applyStatus(event: OutboxStatusEvent): Promise<{ applied: boolean; item: OutboxItem | undefined }> {
    const byOpaque = event.bizOpaqueCallbackData ? this.items.get(event.bizOpaqueCallbackData) : undefined;
    const id = byOpaque?.id ?? this.sender.wamids.get(event.messageId);
    const item = id ? this.items.get(id) : undefined;
    if (!item) return { applied: false, item: undefined };
    const { next, effect } = reduceStatus(item, event, this.now(), this.deps.retryAfter24hMs ?? 24 * 3600_000);
    if (next) {
      await this.items.upsert(next);
      if (next.wamid) this.sender.wamids.set(next.wamid, next.id);
      if (next.state === 'queued') {
        this.scheduler.add(next);
        this.wake();
      }
      this.emit(this.items.get(next.id) ?? next);
    }
    const current = this.items.get(item.id) ?? item;
    if (effect) await this.sender.signal(effect, current, event.errors[0]?.code);
    return { applied: next !== undefined, item: current };
  }

  /**
   * Items whose outcome is unknown, as soon as they are: the owner sees them at once (a late status webhook still
   * reconciles one by itself, and a resend after that is called off, see status-update.ts).
   */
  listUnknown(): OutboxItem[] {
    return this.items.all().filter((item) => item.state === 'unknown');
  }

  /**
   * Sends a failed item again, or an unknown one on the owner's explicit confirmation: an unknown item may already
   * have reached WhatsApp, so resending it can deliver a second copy, and `confirmUnknown` says the owner accepts that.
   */
  async resend(id: string, options: { confirmUnknown?: boolean } = {}): Promise<OutboxItem> {
    const item = this.mustGet(id);
    if (item.state !== 'unknown' && item.state !== 'failed') {
      throw new OutboxError('invalid_state', `Only a message whose outcome is unknown or that failed can be resent (this one is ${item.state}).`, { field: 'id' });
    }
    if (item.state === 'unknown' && options.confirmUnknown !== true) {
      throw new OutboxError(
        'confirmation_required',
        'WhatsApp may already have delivered this message. Confirm that you want to send it again (the customer may get it twice).',
        { field: 'confirmUnknown' },
      );
    }
    const next: OutboxItem = { ...item, state: 'queued', nextAttemptAt: this.now(), error: undefined, sendingSince: undefined, updatedAt: this.now() };
    await this.items.upsert(next);
    this.scheduler.add(next);
    this.emit(next);
    this.wake();
    return this.items.get(id) ?? next;
  }

  /** Gives up on an unknown item (it may or may not have been delivered): skipped with reason `dropped`. */
  async drop(id: string): Promise<OutboxItem> {
    const item = this.mustGet(id);
    if (item.state !== 'unknown') {
      throw new OutboxError('invalid_state', `Only a message whose outcome is unknown can be dropped (this one is ${item.state}).`, { field: 'id' });
    }
    const next: OutboxItem = { ...item, state: 'skipped', error: { action: 'dropped', message: 'Outcome unknown; dropped by the owner' }, updatedAt: this.now() };
    await this.items.upsert(next);
    this.emit(next);
    return next;
  }

  /** The delivery funnel of one campaign, or of everything. */
  counts(campaignId?: string): OutboxCounts {
    if (campaignId === undefined) return countItems(this.items.values());
    return countItems(this.items.all().filter((item) => item.campaignId === campaignId));
  }

  /** Items matching the filters, newest first. */
  list(query: OutboxListQuery = {}): OutboxItem[] {
    const limit = query.limit ?? 100;
    const all = query.contactId !== undefined ? this.contactItems(query.contactId) : this.items.all();
    const out: OutboxItem[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const item = all[i]!;
      if (query.contactId !== undefined && item.contactId !== query.contactId) continue;
      if (query.campaignId !== undefined && item.campaignId !== query.campaignId) continue;
      if (query.state !== undefined && item.state !== query.state) continue;
      out.push(item);
    }
    return out;
  }

  private indexContact(item: OutboxItem): void {
    const ids = this.byContact.get(item.contactId);
    if (!ids) this.byContact.set(item.contactId, [item.id]);
    else if (ids[ids.length - 1] !== item.id) ids.push(item.id);
  }

  /** The contact's items, oldest first (items are never deleted, so every indexed id is there). */
  private contactItems(contactId: string): OutboxItem[] {
    return (this.byContact.get(contactId) ?? []).flatMap((id) => this.items.get(id) ?? []);
  }

  /** One item. */
  get(id: string): OutboxItem | undefined {
    return this.items.get(id);
  }

  /** Running, paused, offline and in-flight state for the status bar. */
  status(): OutboxStatus {
    return {
      running: this.running,
      paused: this.control.global,
      campaignsPaused: this.control.campaigns,
      pausedCampaigns: this.control.pausedCampaigns(),
      offline: this.sender.offline,
      inFlight: this.sender.inFlight,
    };
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const wait = this.control.global ? Infinity : this.sender.launchDue();
      this.signals.settle();
      if (!this.running) break;
      await this.signals.nap(wait);
    }
  }

  private wake(): void {
    this.signals.wake();
  }

  private emit(item: OutboxItem): void {
    try {
      this.deps.onChange?.(item);
    } catch {
      // A listener's bug must not break sending.
    }
  }

  private mustGet(id: string): OutboxItem {
    const item = this.items.get(id);
    // The id is not repeated in the message: it is the caller's input, and messages can end up in logs.
    if (!item) throw new OutboxError('not_found', 'There is no such message in the outbox (it may have been removed).', { field: 'id' });
    return item;
  }
}
