/** The stored campaign, its stored send plan, and how outbox counts become the campaign's counts. */
import type { CampaignAudience, ParameterMapping, SkipReason } from '../../../shared/domain/campaigns';
import type { CampaignCounts, CampaignStatus, CampaignView, PauseCause } from '../../../shared/contract/campaigns';
import type { OutboxCounts } from '../outbox';

/** A campaign as stored in the `campaigns` collection. */
export interface CampaignRecord {
  id: string;
  name: string;
  template: { name: string; language: string; category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' };
  audience: CampaignAudience;
  mapping: ParameterMapping;
  status: CampaignStatus;
  scheduledAt?: string;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  pauseReason?: string;
  /** What paused it, for the UI's own wording; absent on campaigns paused before causes were recorded. */
  pauseCause?: PauseCause;
  planned?: { send: number; skipped: number };
  /** True once every planned recipient is in the outbox; until then a restart carries on queueing the plan. */
  enqueued?: boolean;
}

/**
 * Who the dry run at start chose (stored before anything is queued, so a restart queues the same people under the
 * same ids) and who it skipped with the reason (for the export).
 */
export interface CampaignPlan {
  id: string;
  send: string[];
  skipped: { contactId: string; reason: SkipReason }[];
}

/** The campaign's counts from the outbox's funnel. */
export function campaignCounts(counts: OutboxCounts): CampaignCounts {
  const waiting = counts.byState.queued + counts.byState.sending;
  return {
    queued: counts.total,
    waiting,
    accepted: counts.funnel.accepted,
    sent: counts.funnel.sent,
    delivered: counts.funnel.delivered,
    read: counts.funnel.read,
    failed: counts.byState.failed,
    skipped: counts.byState.skipped,
    unknown: counts.byState.unknown,
    done: counts.total - waiting,
  };
}

/** The contract's view of a campaign. */
export function campaignView(record: CampaignRecord, counts: CampaignCounts): CampaignView {
  const { enqueued: _enqueued, ...rest } = record;
  return { ...rest, counts };
}
