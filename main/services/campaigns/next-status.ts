/** What a campaign's status becomes from its counts and the outbox's pause switches (auto-pause, completion). */
import type { CampaignCounts } from '../../../shared/contract/campaigns';
import type { OutboxStatus } from '../outbox';
import type { CampaignRecord } from './campaign-record';
import { pauseCause, pauseReasonText } from './pause-reason';

const ACTIVE = new Set(['scheduled', 'sending', 'paused']);

/**
 * Paused when Meta made the outbox hold the campaign (template paused/disabled, number quality) while messages
 * still wait; completed once the whole plan is queued and nothing waits. Undefined when nothing changes.
 */
export function nextStatus(campaign: CampaignRecord, counts: CampaignCounts, outbox: Pick<OutboxStatus, 'pausedCampaigns' | 'campaignsPaused'>, now: Date): CampaignRecord | undefined {
  if (ACTIVE.has(campaign.status) && campaign.enqueued && counts.waiting === 0) {
    return { ...campaign, status: 'completed', completedAt: now.toISOString() };
  }
  if (campaign.status !== 'sending' && campaign.status !== 'scheduled') return undefined;
  const held = outbox.pausedCampaigns.find((p) => p.campaignId === campaign.id)?.reason ?? outbox.campaignsPaused?.reason;
  if (!held || counts.waiting === 0) return undefined;
  const cause = pauseCause(held, campaign.template.name);
  return { ...campaign, status: 'paused', pauseReason: pauseReasonText(held, campaign.template.name), ...(cause ? { pauseCause: cause } : {}) };
}
