/**
 * What Meta says about the account between sends: the number's quality and messaging limit
 * (`phone_number_quality_update`) and template statuses (`message_template_status_update`). Bad news pauses the
 * campaigns it concerns; good news is recorded but never resumes anything: the owner decides when to go on.
 */
import type { PauseCause } from '../../../shared/contract/campaigns';
import type { CampaignsService } from '../campaigns';
import type { EventBus } from '../event-bus';
import type { SettingsStore } from '../settings-store';
import type { CollectionStore } from '../store';
import type { TemplatesService } from '../templates-service';
import type { QualityUpdateEvent, TemplateStatusEvent, WebhookEvent } from '../webhook/events';
import { limitDigits, messagingTierFor, readNumberHealth, type NumberHealth } from './number-health';

/** What the account events act on. */
export interface AccountEventsDeps {
  campaigns: Pick<CampaignsService, 'holdFor' | 'setLimit'>;
  templates: Pick<TemplatesService, 'applyStatus'>;
  settings: SettingsStore;
  bus: Pick<EventBus, 'emit'>;
  /** Keys already handled, on disk: Meta retries for days, across restarts, and a retry must not pause again. */
  seen?: Pick<CollectionStore<{ id: string; at: number }>, 'has' | 'upsert'>;
  now: () => Date;
  /** Asks for a (rate-limited) template resync when a report is about a template the cache cannot place. */
  resyncTemplates?: () => void;
  log?: (message: string) => void;
}

/** Template webhook events and the cached status they mean; events missing here change no status (FLAGGED, LOCKED…). */
const STATUS_OF_EVENT: Record<string, string> = {
  APPROVED: 'APPROVED',
  REINSTATED: 'APPROVED',
  PAUSED: 'PAUSED',
  DISABLED: 'DISABLED',
  REJECTED: 'REJECTED',
  PENDING: 'PENDING',
  IN_APPEAL: 'IN_APPEAL',
  PENDING_DELETION: 'PENDING_DELETION',
  DELETED: 'DELETED',
  ARCHIVED: 'ARCHIVED',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
};

/** Template events that still leave it sendable or say nothing of its status. */
const NO_STATUS_CHANGE = new Set(['FLAGGED', 'LOCKED', 'UNLOCKED']);

/**
 * Why only marketing campaigns pause on a quality report, while 131048 pauses every campaign (outbox/sender.ts):
 * FLAGGED and DOWNGRADE are warnings, every send still goes through, and what drives a number's quality down is
 * people blocking and reporting promotions. Order and account updates are messages the customer expects (and
 * rarely reports), so holding them would hurt customers without helping the rating. 131048 is different: Meta is
 * already refusing this number's sends, of every category, so every campaign holds instead of failing its
 * messages one by one. In both cases each campaign gets its own hold and only the owner resumes it.
 */
const isMarketing = (template: { category: string }): boolean => template.category === 'MARKETING';

/** Handles the account-level webhook events; the inbox handles the rest. */
export class AccountEvents {
  constructor(private readonly deps: AccountEventsDeps) {}

  /** The number's quality and limit as last reported, if Meta has reported any. */
  numberHealth(): NumberHealth | undefined {
    return readNumberHealth(this.deps.settings.data.numberHealth);
  }

  /** Applies the events this service owns, each once; throws (so Meta retries) if one cannot be recorded. */
  async handle(events: WebhookEvent[]): Promise<void> {
    for (const event of events) {
      if (event.kind !== 'quality_update' && event.kind !== 'template_status') continue;
      if (this.deps.seen?.has(event.key)) continue;
      if (event.kind === 'quality_update') await this.quality(event);
      else await this.templateStatus(event);
      await this.deps.seen?.upsert({ id: event.key, at: this.deps.now().getTime() });
    }
  }

  private async quality(event: QualityUpdateEvent): Promise<void> {
    const previous = this.numberHealth();
    if (previous && event.occurredAtMs < previous.at) {
      this.deps.log?.(`number quality: ${event.event} from before the last report, ignored`);
      return;
    }
    const flagged = event.event === 'FLAGGED' ? true : event.event === 'UNFLAGGED' ? false : (previous?.flagged ?? false);
    const health: NumberHealth = { flagged, limit: event.currentLimit ?? previous?.limit, event: event.event, at: event.occurredAtMs };
    await this.deps.settings.update((doc) => {
      doc.numberHealth = health;
    });
    // Meta's figure replaces the one the owner copied from WhatsApp Manager, so the dry run budgets what is allowed.
    const tier = messagingTierFor(event.currentLimit);
    if (tier) await this.deps.campaigns.setLimit(tier);
    let cause: PauseCause | undefined;
    if (event.event === 'FLAGGED') cause = { kind: 'quality_flagged' };
    else if (event.event === 'DOWNGRADE') {
      const limit = limitDigits(event.currentLimit);
      cause = { kind: 'limit_lowered', ...(limit ? { limit } : {}) };
    }
    const paused = cause ? await this.deps.campaigns.holdFor(isMarketing, cause) : [];
    this.deps.log?.(`number quality: ${event.event}${event.currentLimit ? ` (${event.currentLimit})` : ''}; ${paused.length} campaign(s) paused`);
    this.deps.bus.emit('outbox:alert', { kind: 'number_quality', message: `WhatsApp reported ${event.event} for the number${event.currentLimit ? ` (limit ${event.currentLimit})` : ''}.` });
  }

  private async templateStatus(event: TemplateStatusEvent): Promise<void> {
    const status = STATUS_OF_EVENT[event.event];
    if (status === undefined) {
      if (!NO_STATUS_CHANGE.has(event.event)) this.deps.resyncTemplates?.();
      return;
    }
    const outcome = await this.deps.templates.applyStatus({ id: event.templateId, name: event.name, language: event.language, status, at: event.occurredAtMs });
    if (outcome === 'stale') {
      this.deps.log?.(`template ${event.name} (${event.language}): ${event.event} from before the last report, ignored`);
      return;
    }
    if (outcome === 'changed') this.deps.bus.emit('data:changed', { domain: 'templates' });
    // Not in the cache yet (created after the last sync): its campaigns are still found by name and language.
    if (outcome === 'unknown') this.deps.resyncTemplates?.();
    if (event.event !== 'PAUSED' && event.event !== 'DISABLED') return;
    const cause: PauseCause = { kind: event.event === 'PAUSED' ? 'template_paused' : 'template_disabled', template: event.name };
    const paused = await this.deps.campaigns.holdFor((t) => t.name === event.name && t.language === event.language, cause);
    this.deps.log?.(`template ${event.name} (${event.language}) ${event.event}: ${paused.length} campaign(s) paused`);
  }
}
