/** The outbox's injected dependencies, settings, callbacks and reports. */
import type { SendComponent } from '../cloud/schemas';
import type { DataStore } from '../store';
import type { OutboxItem, OutboxReason, OutboxState } from './outbox-item';
import type { PauseInfo } from './outbox-control';

/** The two client calls the outbox uses; the real Cloud API client fits. */
export interface OutboxClient {
  sendTemplate(input: {
    to: string;
    name: string;
    language: string;
    components?: SendComponent[];
    bizOpaqueCallbackData?: string;
  }): Promise<{ messageId: string }>;
  sendText(input: { to: string; body: string; bizOpaqueCallbackData?: string }): Promise<{ messageId: string }>;
}

/** The consent gate's answer, asked at send time right before the network call. */
export type GateDecision = { ok: true } | { ok: false; reason: string };

/** Something the owner should see (the UI shows it; the outbox already acted). */
export type OutboxAlert =
  | { kind: 'paused'; reason: OutboxReason }
  | { kind: 'campaigns_paused'; reason: OutboxReason }
  | { kind: 'campaign_paused'; campaignId: string; reason: OutboxReason }
  | { kind: 'offline'; reason: OutboxReason }
  | { kind: 'online' }
  | { kind: 'resync_templates'; template: { name: string; language: string }; reason: OutboxReason }
  | { kind: 'storage_failed'; message: string }
  /** onUserStoppedMarketing/onUndeliverable threw after a send failure: record the signal by hand. */
  | { kind: 'callback_failed'; message: string };

/** A contact-level consequence of a send or status (131050, 131026), for the consent ledger. */
export interface ContactSignal {
  contactId: string;
  /** The outbox item that revealed it: use it to make the ledger write idempotent (it may be repeated). */
  itemId: string;
  to: string;
  code: number | undefined;
  at: number;
}

/** What {@link Outbox.open} needs; every side effect is injected. */
export interface OutboxDeps {
  store: DataStore;
  client: OutboxClient;
  /** Consent check at send time; a refusal skips the item with the reason. A throw also skips it (fail closed). */
  gate: (item: OutboxItem) => Promise<GateDecision>;
  /**
   * The consent check again, synchronously, in the same turn as the network call (nothing can change between its
   * answer and the request leaving). Items picked long before (waiting for a request slot, the disk, the pacer) are
   * refused here if an opt-out came meanwhile; a refusal or a throw skips the item as the early gate does.
   */
  checkAtSend?: (item: OutboxItem) => GateDecision;
  now?: () => number;
  /** 0..1, for backoff jitter. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** New item ids (ULIDs). */
  newId?: () => string;
  /** The number's limit (messages/second); the outbox paces about 4 % under it. Default 80. */
  throughputPerSecond?: number;
  /** Minimum spacing per recipient. Default 6000. */
  pairIntervalMs?: number;
  /** Requests on the wire at most (sends in process: 4×). Default 32. */
  concurrency?: number;
  /** Attempts before a retryable failure becomes final. Default 8. */
  maxAttempts?: number;
  /** First backoff step. Default 1000. */
  backoffBaseMs?: number;
  /** Largest backoff step. Default 5 min. */
  backoffMaxMs?: number;
  /** 131056: retry after 4^n × this. Default 1000 (4^n seconds). */
  pairRetryUnitMs?: number;
  /** 131049: retry after this. Default 24 h. */
  retryAfter24hMs?: number;
  /** Longest pause between probes while offline. Default 30 s. */
  offlineProbeMaxMs?: number;
  /** Collection name (default "outbox"; pause switches live in "<name>-control"). */
  collectionName?: string;
  /** Every state change, after it is on disk. Called often: throttle in the UI. */
  onChange?: (item: OutboxItem) => void;
  /** 131050: the user stopped marketing messages. Record a revocation; may be called again for the same item. */
  onUserStoppedMarketing?: (signal: ContactSignal) => void | Promise<void>;
  /** 131026: the number cannot receive messages. Mark it undeliverable; may be called again for the same item. */
  onUndeliverable?: (signal: ContactSignal) => void | Promise<void>;
  onAlert?: (alert: OutboxAlert) => void;
}

/** What the status bar shows. */
export interface OutboxStatus {
  running: boolean;
  /** Whole outbox paused (token, account, owner): nothing is sent until resume(). */
  paused: PauseInfo | undefined;
  /** Every campaign paused (quality); one-off messages still go. */
  campaignsPaused: PauseInfo | undefined;
  pausedCampaigns: { campaignId: string; reason: OutboxReason; since: number }[];
  /** Set while the Cloud API cannot be reached; sends resume by themselves when it answers again. */
  offline: { since: number; failures: number; reason: OutboxReason } | undefined;
  inFlight: number;
}

/** Filters of {@link Outbox.list}. */
export interface OutboxListQuery {
  contactId?: string;
  campaignId?: string;
  state?: OutboxState;
  /** Newest first; default 100. */
  limit?: number;
}
