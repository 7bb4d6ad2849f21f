/**
 * Campaigns: a template sent to an audience through the durable outbox. The plan (who gets it) is stored before
 * anything is queued and every item has an id derived from campaign and contact, so a restart part-way through
 * queueing or sending carries on without queueing anyone twice; the consent gate still decides at send time.
 */
import { monotonicFactory } from 'ulid';
import { campaignItemId, MESSAGING_TIERS, tierLimit, valuesFor, type MessagingTier } from '../../../shared/domain/campaigns';
import type { TemplateCategory } from '../../../shared/domain/consent/state';
import { missingSlots, toSendComponents } from '../../../shared/domain/templates/render';
import type { CampaignCounts, CampaignDetail, CampaignView, DryRunView, PauseCause } from '../../../shared/contract/campaigns';
import { AppError } from '../app-error';
import type { ConsentLedger } from '../consent/ledger';
import type { EventBus } from '../event-bus';
import { countItems, type Outbox, type OutboxItem } from '../outbox';
import type { SettingsStore } from '../settings-store';
import type { CollectionStore, DataStore } from '../store';
import { Mutex } from '../store/mutex';
import type { TemplatesService } from '../templates-service';
import { resultRows, resultsCsv } from './campaign-csv';
import { campaignCounts, campaignView, type CampaignPlan, type CampaignRecord } from './campaign-record';
import { currentCategory, planCampaign, reachedNow, type PlannerDeps } from './campaign-planner';
import { checkDraft, dryRunView, refuseEmptyValues, type CampaignDraft } from './draft-checks';
import { itemInputs } from './item-inputs';
import { nextStatus } from './next-status';
import { pauseCauseText } from './pause-reason';
import { ProgressThrottle } from './progress-throttle';

/** What the campaigns service needs. */
export interface CampaignsDeps {
  store: DataStore;
  ledger: ConsentLedger;
  templates: TemplatesService;
  outbox: Outbox;
  bus: EventBus;
  settings: SettingsStore;
  now: () => Date;
  newId?: () => string;
  /** Recipients queued per durable write. */
  batchSize?: number;
}

export type { CampaignDraft };

const ACTIVE = new Set(['scheduled', 'sending', 'paused']);
const FINISHED = new Set(['completed', 'cancelled']);

/** Creates, plans, starts, pauses, resumes and cancels campaigns; reports progress on `campaign:progress`. */
export class CampaignsService {
  private readonly lock = new Mutex();
  private readonly throttle: ProgressThrottle;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly unlisten: () => void;
  private readonly newId: () => string;

  private constructor(
    private readonly deps: CampaignsDeps,
    private readonly campaigns: CollectionStore<CampaignRecord>,
    private readonly plans: CollectionStore<CampaignPlan>,
  ) {
    const ids = monotonicFactory();
    this.newId = deps.newId ?? (() => ids(deps.now().getTime()));
    this.throttle = new ProgressThrottle((changed) => this.flush(changed));
    this.unlisten = deps.bus.listen((event, payload) => {
      if (event === 'outbox:changed') {
        for (const item of (payload as { items: { campaignId?: string }[] }).items) if (item.campaignId && this.campaigns.has(item.campaignId)) this.throttle.mark(item.campaignId);
      }
      // Meta paused a template (132015/132016) or the number's quality (131048): the outbox already holds the items.
      // The account webhooks (template status, number quality) pause through holdFor instead.
      if (event === 'outbox:alert') for (const c of this.campaigns.values()) if (c.status === 'sending' || c.status === 'scheduled') this.throttle.mark(c.id);
    });
  }

  /** Opens the collections and carries on with campaigns a restart interrupted (queueing the rest of their plan). */
  static async open(deps: CampaignsDeps): Promise<CampaignsService> {
    const service = new CampaignsService(deps, await deps.store.collection<CampaignRecord>('campaigns'), await deps.store.collection<CampaignPlan>('campaign-plans'));
    for (const campaign of service.campaigns.all()) {
      if (!ACTIVE.has(campaign.status)) continue;
      if (!campaign.enqueued) await service.lock.run(() => service.enqueuePlan(campaign.id));
      service.armSchedule(service.mustGet(campaign.id));
      service.throttle.mark(campaign.id);
    }
    return service;
  }

  /** Every campaign, newest first, with its counts. */
  list(): CampaignView[] {
    // One pass over the outbox for every campaign, not one per campaign.
    const byCampaign = new Map<string, OutboxItem[]>();
    for (const item of this.deps.outbox.list({ limit: Number.MAX_SAFE_INTEGER })) {
      if (!item.campaignId) continue;
      const group = byCampaign.get(item.campaignId);
      if (group) group.push(item);
      else byCampaign.set(item.campaignId, [item]);
    }
    return this.campaigns
      .all()
      .reverse()
      .map((c) => campaignView(c, campaignCounts(countItems(byCampaign.get(c.id) ?? []))));
  }

  /** One campaign with its funnel and failure reasons. */
  get(id: string): CampaignDetail {
    const campaign = this.mustGet(id);
    const counts = this.deps.outbox.counts(id);
    const plannedSkippedByReason: Record<string, number> = {};
    for (const s of this.plans.get(id)?.skipped ?? []) plannedSkippedByReason[s.reason] = (plannedSkippedByReason[s.reason] ?? 0) + 1;
    return { ...campaignView(campaign, campaignCounts(counts)), failedByReason: counts.failedByReason, skippedByReason: counts.skippedByReason, plannedSkippedByReason };
  }

  /** Saves a draft after checking the template is approved, fits the audience's purpose and every slot is mapped. */
  async create(draft: CampaignDraft): Promise<CampaignView> {
    const { template, category } = checkDraft(this.deps.templates, draft);
    const record: CampaignRecord = {
      id: this.newId(),
      name: draft.name,
      template: { name: template.name, language: template.language, category },
      audience: draft.audience,
      mapping: draft.mapping,
      status: 'draft',
      createdAt: this.deps.now().toISOString(),
    };
    await this.campaigns.upsert(record);
    return campaignView(record, this.countsOf(record.id));
  }

  /** Who will be sent to, who will be skipped and why, and what it costs against the messaging limit. */
  dryRun(id: string): DryRunView {
    const campaign = this.mustGet(id);
    const { result, template } = planCampaign(this.plannerDeps(), campaign);
    return dryRunView(result, template, campaign.mapping);
  }

  /** Changes a draft with the same checks as create; a started campaign keeps what it was started with. */
  async update(id: string, draft: CampaignDraft): Promise<CampaignView> {
    await this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status !== 'draft') throw new AppError('conflict', 'Only a draft can be edited; duplicate this campaign to send it again with changes.');
      const { template, category } = checkDraft(this.deps.templates, draft);
      await this.campaigns.upsert({ ...campaign, name: draft.name, template: { name: template.name, language: template.language, category }, audience: draft.audience, mapping: draft.mapping });
    });
    return this.view(id);
  }

  /** A new draft with this campaign's template, audience and mapping, named "… (copy)". */
  async duplicate(id: string): Promise<CampaignView> {
    const source = this.mustGet(id);
    const record: CampaignRecord = {
      id: this.newId(),
      name: `${source.name} (copy)`.slice(0, 80),
      template: source.template,
      audience: source.audience,
      mapping: source.mapping,
      status: 'draft',
      createdAt: this.deps.now().toISOString(),
    };
    await this.campaigns.upsert(record);
    return campaignView(record, this.countsOf(record.id));
  }

  /**
   * Removes a draft, or a finished campaign from the list. The messages it sent stay in the outbox (the contact's
   * history and the delivery record) and consent evidence stays in the ledger; an active campaign is cancelled first.
   */
  async remove(id: string): Promise<{ id: string; keptMessages: number }> {
    return this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status !== 'draft' && !FINISHED.has(campaign.status)) {
        throw new AppError('conflict', `This campaign is ${campaign.status}: cancel it before deleting it.`);
      }
      const keptMessages = this.countsOf(id).queued;
      await this.campaigns.delete(id);
      await this.plans.delete(id);
      this.clearTimer(id);
      return { id, keptMessages };
    });
  }

  /** The draft's template filled as for its first recipient (fallbacks for empty fields), ready to send as a test. */
  testMessage(id: string): { name: string; language: string; components: ReturnType<typeof toSendComponents> } {
    const campaign = this.mustGet(id);
    const { result, template } = planCampaign(this.plannerDeps(), campaign);
    // With nobody to send to yet, the fallbacks and fixed texts alone; a placeholder still empty refuses the test too.
    const values = result.send[0]?.values ?? valuesFor(template, campaign.mapping, { name: '', phone: '' });
    const missing = missingSlots(template, values)[0];
    if (missing) throw new AppError('empty_value', `{{${missing.key}}} would be empty: give it a fallback or fixed text first.`, `mapping.${missing.component}.${missing.key}`);
    return { name: template.name, language: template.language, components: toSendComponents(template, values) };
  }

  /** Sends now, or at `at`: stores the plan, then queues one outbox item per recipient (held until `at`). */
  async start(id: string, at?: Date): Promise<CampaignView> {
    await this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status !== 'draft') throw new AppError('conflict', `This campaign has already been ${campaign.status === 'cancelled' ? 'cancelled' : 'started'}.`);
      const { result, template } = planCampaign(this.plannerDeps(), campaign);
      if (template.status !== 'APPROVED') throw new AppError('template_not_approved', `The template is ${template.status.toLowerCase()} now; only approved templates can be sent.`, 'template');
      refuseEmptyValues(result);
      if (result.send.length === 0) throw new AppError('empty_audience', 'Nobody in this audience can receive the campaign. Check the dry run for the reasons.');
      const now = this.deps.now();
      const later = at !== undefined && at.getTime() > now.getTime();
      await this.plans.upsert({ id, send: result.send.map((r) => r.contactId), skipped: result.skipped.map((s) => ({ contactId: s.contactId, reason: s.reason })) });
      await this.campaigns.upsert({
        ...campaign,
        status: later ? 'scheduled' : 'sending',
        ...(later ? { scheduledAt: at.toISOString() } : {}),
        startedAt: now.toISOString(),
        planned: { send: result.counts.send, skipped: result.counts.skipped },
        enqueued: false,
      });
      await this.enqueuePlan(id);
      this.armSchedule(this.mustGet(id));
    });
    this.throttle.mark(id);
    return this.view(id);
  }

  /** Holds the campaign's queued messages (durably) until resumed. */
  async pause(id: string): Promise<CampaignView> {
    await this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status !== 'sending' && campaign.status !== 'scheduled') throw new AppError('conflict', `Only a campaign that is sending or scheduled can be paused (this one is ${campaign.status}).`);
      await this.deps.outbox.pause(id);
      await this.campaigns.upsert({ ...campaign, status: 'paused', pauseReason: 'Paused by the owner.', pauseCause: { kind: 'owner' } });
    });
    this.throttle.mark(id);
    return this.view(id);
  }

  /** Lets a paused campaign carry on where it stopped. */
  async resume(id: string): Promise<CampaignView> {
    await this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status !== 'paused') throw new AppError('conflict', `Only a paused campaign can be resumed (this one is ${campaign.status}).`);
      const status = this.deps.outbox.status();
      if (status.campaignsPaused) {
        if (status.paused) throw new AppError('outbox_paused', `Sending is paused for the whole outbox: ${status.paused.reason.message}`);
        await this.deps.outbox.resume();
      }
      await this.deps.outbox.resume(id);
      const scheduled = campaign.scheduledAt !== undefined && Date.parse(campaign.scheduledAt) > this.deps.now().getTime();
      const { pauseReason: _reason, pauseCause: _cause, ...rest } = campaign;
      await this.campaigns.upsert({ ...rest, status: scheduled ? 'scheduled' : 'sending' });
    });
    this.throttle.mark(id);
    return this.view(id);
  }

  /**
   * Meta reported something that makes these campaigns unsafe to go on (their template paused or disabled, the
   * number's quality): every sending or scheduled campaign that `match` picks, by its template and the template's
   * current category, is held with its own durable switch, so resuming one never releases another and nothing goes
   * on until the owner decides. Returns the ids paused.
   */
  async holdFor(match: (template: { name: string; language: string; category: TemplateCategory }) => boolean, cause: PauseCause): Promise<string[]> {
    const paused: string[] = [];
    await this.lock.run(async () => {
      const reason = { action: cause.kind, message: pauseCauseText(cause) };
      for (const campaign of this.campaigns.all()) {
        if (campaign.status !== 'sending' && campaign.status !== 'scheduled') continue;
        const { name, language } = campaign.template;
        const category = currentCategory(this.deps.templates.find(name, language), campaign.template.category);
        if (!match({ name, language, category })) continue;
        await this.deps.outbox.pause(campaign.id, reason);
        await this.campaigns.upsert({ ...campaign, status: 'paused', pauseReason: reason.message, pauseCause: cause });
        paused.push(campaign.id);
      }
    });
    for (const id of paused) this.throttle.mark(id);
    return paused;
  }

  /** Stops the campaign for good: queued messages are skipped (those already on their way are not recalled). */
  async cancel(id: string): Promise<CampaignView> {
    await this.lock.run(async () => {
      const campaign = this.mustGet(id);
      if (campaign.status === 'completed' || campaign.status === 'cancelled') throw new AppError('conflict', `This campaign is already ${campaign.status}.`);
      // Marked first, so a restart never queues the rest of the plan of a cancelled campaign.
      await this.campaigns.upsert({ ...campaign, status: 'cancelled', completedAt: this.deps.now().toISOString() });
      await this.deps.outbox.cancel(id);
      if (this.deps.outbox.status().pausedCampaigns.some((p) => p.campaignId === id)) await this.deps.outbox.resume(id);
      this.clearTimer(id);
    });
    this.throttle.mark(id);
    return this.view(id);
  }

  /** The results per recipient as CSV. */
  exportCsv(id: string): { fileName: string; csv: string } {
    const campaign = this.mustGet(id);
    const items = new Map(this.deps.outbox.list({ campaignId: id, limit: Number.MAX_SAFE_INTEGER }).map((i) => [i.id, i]));
    const rows = resultRows(this.plans.get(id), items, (contactId) => campaignItemId(id, contactId), (contactId) => this.contact(contactId));
    const slug = campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'campaign';
    return { fileName: `campaign-${slug}-${this.deps.now().toISOString().slice(0, 10)}.csv`, csv: resultsCsv(rows) };
  }

  /** The messaging-limit tier and what is left of it now. */
  limit(): { tier: MessagingTier; used: number; remaining: number | null } {
    const tier = this.tier();
    const used = reachedNow({ outbox: this.deps.outbox, now: this.deps.now }).size;
    const limit = tierLimit(tier);
    return { tier, used, remaining: Number.isFinite(limit) ? Math.max(0, limit - used) : null };
  }

  /** Sets the number's messaging-limit tier (shown in WhatsApp Manager). */
  async setLimit(tier: MessagingTier): Promise<{ tier: MessagingTier }> {
    await this.deps.settings.update((doc) => {
      doc.messagingLimitTier = tier;
    });
    return { tier };
  }

  /** Stops timers and listeners (the outbox keeps the campaign's state). */
  close(): void {
    this.unlisten();
    this.throttle.close();
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
  }

  private tier(): MessagingTier {
    const stored = this.deps.settings.data.messagingLimitTier;
    return MESSAGING_TIERS.includes(stored as MessagingTier) ? (stored as MessagingTier) : '250';
  }

  private plannerDeps(): PlannerDeps {
    return { ledger: this.deps.ledger, templates: this.deps.templates, outbox: this.deps.outbox, tier: () => this.tier(), now: this.deps.now };
  }

  /** Queues the stored plan in batches; ids already queued are no-ops in the outbox. Call under the lock. */
  private async enqueuePlan(id: string): Promise<void> {
    const plan = this.plans.get(id);
    const campaign = this.mustGet(id);
    if (!plan) {
      // Crashed between the status and the plan write is impossible (plan first); a missing plan means nothing to send.
      await this.campaigns.upsert({ ...campaign, enqueued: true });
      return;
    }
    const template = this.deps.templates.find(campaign.template.name, campaign.template.language);
    const size = this.deps.batchSize ?? 500;
    for (let i = 0; i < plan.send.length; i += size) {
      const inputs = itemInputs(campaign, template, plan.send.slice(i, i + size), (contactId) => this.contact(contactId));
      await this.deps.outbox.enqueue(inputs);
      // Lets sends, status webhooks and UI calls in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.campaigns.upsert({ ...this.mustGet(id), enqueued: true });
  }

  /**
   * Progress, auto-pause and completion of the changed campaigns. The event goes out at once (so the throttle's
   * spacing is what the UI sees); the status change is written under the lock, unless an owner action got there first.
   */
  private flush(ids: string[]): void {
    const outbox = this.deps.outbox.status();
    for (const id of ids) {
      const campaign = this.campaigns.get(id);
      if (!campaign) continue;
      const counts = this.countsOf(id);
      const next = nextStatus(campaign, counts, outbox, this.deps.now());
      const shown = next ?? campaign;
      this.deps.bus.emit('campaign:progress', { id, status: shown.status, ...(shown.pauseReason ? { pauseReason: shown.pauseReason } : {}), counts });
      if (!next) continue;
      void this.lock
        .run(async () => {
          const current = this.campaigns.get(id);
          if (current?.status !== campaign.status) return;
          // The all-campaigns hold of 131048 is lifted as a whole by the first resume; a switch of its own keeps this
          // campaign held until the owner resumes it too, as the account webhooks' holds do (holdFor).
          const wide = outbox.campaignsPaused;
          if (next.status === 'paused' && wide && !outbox.pausedCampaigns.some((p) => p.campaignId === id)) await this.deps.outbox.pause(id, wide.reason);
          await this.campaigns.upsert({
            ...current,
            status: next.status,
            ...(next.pauseReason ? { pauseReason: next.pauseReason } : {}),
            ...(next.pauseCause ? { pauseCause: next.pauseCause } : {}),
            ...(next.completedAt ? { completedAt: next.completedAt } : {}),
          });
          if (next.status === 'completed') this.clearTimer(id);
        })
        .catch((error: unknown) => console.error('could not record the campaign status:', (error as Error).message));
    }
  }

  /** A scheduled campaign becomes `sending` at its time (the outbox already holds its items until then). */
  private armSchedule(campaign: CampaignRecord): void {
    this.clearTimer(campaign.id);
    if (campaign.status !== 'scheduled' || !campaign.scheduledAt) return;
    const wait = Math.min(2 ** 31 - 1, Math.max(0, Date.parse(campaign.scheduledAt) - this.deps.now().getTime()));
    const timer = setTimeout(() => {
      this.timers.delete(campaign.id);
      void this.lock.run(async () => {
        const current = this.campaigns.get(campaign.id);
        if (current?.status !== 'scheduled') return;
        if (Date.parse(current.scheduledAt!) > this.deps.now().getTime()) return this.armSchedule(current);
        await this.campaigns.upsert({ ...current, status: 'sending' });
        this.throttle.mark(campaign.id);
      });
    }, wait);
    timer.unref?.();
    this.timers.set(campaign.id, timer);
  }

  private clearTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  private countsOf(id: string): CampaignCounts {
    return campaignCounts(this.deps.outbox.counts(id));
  }

  private view(id: string): CampaignView {
    return campaignView(this.mustGet(id), this.countsOf(id));
  }

  private contact(contactId: string): { name: string; phone: string } | undefined {
    try {
      return this.deps.ledger.get(contactId);
    } catch {
      return undefined;
    }
  }

  private mustGet(id: string): CampaignRecord {
    const campaign = this.campaigns.get(id);
    if (!campaign) throw new AppError('not_found', 'That campaign no longer exists.', 'id');
    return campaign;
  }
}
