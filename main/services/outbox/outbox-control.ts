/** The outbox's pause switches, kept durable so a paused outbox or campaign stays paused across restarts. */
import type { CollectionStore, DataStore } from '../store';
import type { OutboxReason } from './outbox-item';

/** Why and since when something is paused. */
export interface PauseInfo {
  reason: OutboxReason;
  since: number;
}

interface ControlRecord {
  id: string;
  /** 'global' (every send), 'campaigns' (every campaign item) or 'campaign' (one campaign). */
  scope: 'global' | 'campaigns' | 'campaign';
  campaignId?: string;
  reason: OutboxReason;
  since: number;
}

const GLOBAL = 'global';
const CAMPAIGNS = 'campaigns';
const campaignKey = (campaignId: string): string => `campaign:${campaignId}`;

/** Pause switches: the whole outbox, all campaigns (quality problems), or single campaigns. */
export class OutboxControl {
  private constructor(private readonly records: CollectionStore<ControlRecord>) {}

  /** Opens the switches stored under `<name>-control`. */
  static async open(store: DataStore, name: string): Promise<OutboxControl> {
    return new OutboxControl(await store.collection<ControlRecord>(`${name}-control`));
  }

  /** The whole-outbox pause (token revoked, account problem, owner). */
  get global(): PauseInfo | undefined {
    return this.info(GLOBAL);
  }

  /** The pause of every campaign item (spam/quality limit). */
  get campaigns(): PauseInfo | undefined {
    return this.info(CAMPAIGNS);
  }

  /** Pauses of single campaigns. */
  pausedCampaigns(): { campaignId: string; reason: OutboxReason; since: number }[] {
    return this.records
      .all()
      .filter((r) => r.scope === 'campaign' && r.campaignId !== undefined)
      .map((r) => ({ campaignId: r.campaignId!, reason: r.reason, since: r.since }));
  }

  /** True when an item of this campaign (or none) must wait. */
  holds(campaignId: string | undefined): boolean {
    if (this.records.has(GLOBAL)) return true;
    if (campaignId === undefined) return false;
    return this.records.has(CAMPAIGNS) || this.records.has(campaignKey(campaignId));
  }

  /** True when this campaign's items are held by a campaign-level switch. */
  holdsCampaign(campaignId: string): boolean {
    return this.records.has(CAMPAIGNS) || this.records.has(campaignKey(campaignId));
  }

  /** Pauses everything; an existing reason is kept (the first cause is the one to fix). */
  pauseGlobal(reason: OutboxReason, now: number): Promise<boolean> {
    return this.set({ id: GLOBAL, scope: 'global', reason, since: now });
  }

  /** Pauses every campaign item. */
  pauseCampaigns(reason: OutboxReason, now: number): Promise<boolean> {
    return this.set({ id: CAMPAIGNS, scope: 'campaigns', reason, since: now });
  }

  /** Pauses one campaign. */
  pauseCampaign(campaignId: string, reason: OutboxReason, now: number): Promise<boolean> {
    return this.set({ id: campaignKey(campaignId), scope: 'campaign', campaignId, reason, since: now });
  }

  /** Clears the global and all-campaigns switches. Returns whether anything was paused. */
  async resumeAll(): Promise<boolean> {
    const a = await this.records.delete(GLOBAL);
    const b = await this.records.delete(CAMPAIGNS);
    return a || b;
  }

  /** Clears one campaign's switch. */
  resumeCampaign(campaignId: string): Promise<boolean> {
    return this.records.delete(campaignKey(campaignId));
  }

  private info(id: string): PauseInfo | undefined {
    const r = this.records.get(id);
    return r ? { reason: r.reason, since: r.since } : undefined;
  }

  private async set(record: ControlRecord): Promise<boolean> {
    if (this.records.has(record.id)) return false;
    await this.records.upsert(record);
    return true;
  }
}
