import type { ApiError } from '../../shared/contract';
import type { CampaignProgress, CampaignView } from '../../shared/contract/campaigns';
import { api } from '../api';
import type { Slice } from './slice';

/** Campaigns: the list (kept live by `campaign:progress`) and the messaging-limit tier. */
export interface CampaignsSlice {
  campaigns: CampaignView[];
  campaignsLoaded: boolean;
  campaignsError: ApiError | null;
  loadCampaigns(): Promise<void>;
  /** Applies a progress event (or a result of an action) to the list. */
  applyCampaignProgress(progress: CampaignProgress): void;
  /** Puts a created or changed campaign in the list. */
  putCampaign(campaign: CampaignView): void;
}

export const createCampaignsSlice: Slice<CampaignsSlice> = (set, get) => ({
  campaigns: [],
  campaignsLoaded: false,
  campaignsError: null,
  async loadCampaigns() {
    const result = await api.campaigns.list();
    if (result.ok) set({ campaigns: result.value.campaigns, campaignsLoaded: true, campaignsError: null });
    else set({ campaignsLoaded: true, campaignsError: result.error });
  },
  applyCampaignProgress(progress) {
    const list = get().campaigns;
    if (!list.some((c) => c.id === progress.id)) return;
    set({
      campaigns: list.map((c) => {
        if (c.id !== progress.id) return c;
        const { pauseReason: _old, ...rest } = c;
        return { ...rest, status: progress.status, counts: progress.counts, ...(progress.pauseReason ? { pauseReason: progress.pauseReason } : {}) };
      }),
    });
  },
  putCampaign(campaign) {
    const list = get().campaigns;
    set({ campaigns: list.some((c) => c.id === campaign.id) ? list.map((c) => (c.id === campaign.id ? campaign : c)) : [campaign, ...list] });
  },
});
