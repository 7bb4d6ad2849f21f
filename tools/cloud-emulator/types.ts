/** Public types of the Cloud API emulator: options, records and the control API. */

/** A template in the emulator's catalogue (same shape the templates endpoint returns). */
export interface EmulatorTemplate {
  id?: string;
  name: string;
  language: string;
  status: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | string;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: { type: string; format?: string; text?: string; buttons?: { type: string; text?: string; url?: string }[] }[];
}

/**
 * How the emulated WhatsApp treats one recipient.
 * - deliver: sent → delivered → read
 * - not_on_whatsapp: the send is refused synchronously with 131026
 * - undeliverable: accepted, then a failed status with 131026
 * - marketing_limit / marketing_stopped: marketing templates are accepted, then fail with 131049 / 131050 by webhook
 * - no_read: sent → delivered, never read
 */
export type RecipientBehaviour = 'deliver' | 'not_on_whatsapp' | 'undeliverable' | 'marketing_limit' | 'marketing_stopped' | 'no_read';

/** Delays (ms after acceptance) of the status webhooks; null skips that status. */
export interface StatusDelays {
  sent: number | null;
  delivered: number | null;
  read: number | null;
}

/** Webhook delivery disorder, for testing idempotent receivers. Rates are 0..1. */
export interface ChaosOptions {
  duplicateRate: number;
  reorderRate: number;
  random?: () => number;
}

/** Settings of an emulator instance; every one has a default that works on loopback. */
export interface CloudEmulatorOptions {
  port?: number;
  host?: string;
  accessToken?: string;
  appSecret?: string;
  phoneNumberId?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  /** Where status and inbound webhooks are POSTed; none are sent while unset. */
  webhookUrl?: string | null;
  templates?: EmulatorTemplate[];
  recipients?: Record<string, RecipientBehaviour>;
  /** Behaviour of numbers not listed in `recipients`. */
  defaultRecipient?: RecipientBehaviour;
  /** Messages per second per business number (sliding one-second window); 0 disables. Default 80. */
  throughputPerSecond?: number;
  /** Minimum interval between two messages to the same recipient (131056); 0 disables. Default 6000. */
  pairIntervalMs?: number;
  /** Length of the customer service window. Default 24 h. */
  windowMs?: number;
  /** Enforce the window for non-template messages (131047). Default true. */
  enforceWindow?: boolean;
  statusDelays?: Partial<StatusDelays>;
  chaos?: ChaosOptions | null;
  /** Extra attempts when the webhook receiver does not answer 200 (Meta retries for days). Default 3. */
  webhookRetries?: number;
  /** First retry delay; each next one doubles, up to webhookRetryMaxDelayMs. Default 50. */
  webhookRetryDelayMs?: number;
  /** Longest wait between two attempts (Meta's own retries spread over 7 days). Default 60 s. */
  webhookRetryMaxDelayMs?: number;
  /** Page size of the templates list when no `limit` is given. Default 25. */
  templatesPageSize?: number;
  clock?: () => number;
  /**
   * Secret the /_emulator/ control routes require in the `x-emulator-token` header. Default: a fresh random token
   * per run, read back from the started emulator; a page that finds the port cannot guess it.
   */
  controlToken?: string;
}

/** One accepted message, as recorded for assertions. */
export interface SentRecord {
  id: string;
  to: string;
  type: string;
  templateName: string | undefined;
  templateLanguage: string | undefined;
  text: string | undefined;
  bizOpaqueCallbackData: string | undefined;
  at: number;
  body: Record<string, unknown>;
}

/** One webhook POST attempt made by the emulator. */
export interface WebhookDelivery {
  body: string;
  signature: string;
  httpStatus: number | null;
  error: string | undefined;
  /** `account`: template status and number quality reports (fields other than `messages`). */
  kind: 'status' | 'inbound' | 'account';
  at: number;
}

/** A customer message to simulate: exactly one of text, button or interactive. */
export interface SimulatedInbound {
  from: string;
  name?: string;
  text?: string;
  /** A template quick-reply tap (`type: "button"`). */
  button?: { payload: string; text?: string };
  interactive?: { type: 'button_reply' | 'list_reply'; id: string; title: string; description?: string };
  referral?: Record<string, string>;
  contextMessageId?: string;
  /** Unix ms; defaults to the emulator clock. */
  at?: number;
}

/** A failure injected with `failNext`. */
export interface InjectedFailure {
  code: number;
  httpStatus?: number;
  subcode?: number;
  details?: string;
  /** Only calls whose path contains this text fail (e.g. "/messages"); default: every API call. */
  pathIncludes?: string;
}

/** A quality report to simulate (`phone_number_quality_update`); the limit defaults to the number's current one. */
export interface SimulatedQualityUpdate {
  event: 'FLAGGED' | 'UNFLAGGED' | 'DOWNGRADE' | 'UPGRADE' | (string & {});
  /** Meta's tier name, e.g. TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED. */
  currentLimit?: string;
}

/** Options of {@link EmulatorControl.setTemplateStatus}. */
export interface TemplateStatusOptions {
  /** Post the `message_template_status_update` webhook (default true); false changes the catalogue silently. */
  webhook?: boolean;
  /** Meta's `reason` (default NONE). */
  reason?: string;
}

/** Offline modes: refuse connections (listener closed) or accept and destroy sockets of API calls. */
export type OfflineMode = false | 'refuse' | 'destroy';

/** Control of a running emulator (also served as JSON under /_emulator/). */
export interface EmulatorControl {
  sent(): SentRecord[];
  webhooks(): WebhookDelivery[];
  /** Back to the state right after start (records, windows, limits, failures, configuration, online). */
  reset(): Promise<void>;
  failNext(count: number, failure: InjectedFailure): void;
  setOffline(mode: OfflineMode): Promise<void>;
  simulateInbound(input: SimulatedInbound): Promise<{ messageId: string }>;
  /** Opens (or renews) a customer's window without posting a webhook. */
  openWindow(from: string, at?: number): void;
  setTemplates(templates: EmulatorTemplate[]): void;
  /**
   * Changes a template's status in the catalogue (sends see it at once), then posts the status webhook Meta would.
   * Resolves once the webhook was answered (or given up); a template not in the catalogue changes nothing.
   */
  setTemplateStatus(name: string, language: string, status: string, options?: TemplateStatusOptions): Promise<void>;
  /** The number's quality or limit changes: what the phone-number endpoint reports, and a quality webhook. */
  simulateQualityUpdate(update: SimulatedQualityUpdate): Promise<void>;
  setRecipient(digits: string, behaviour: RecipientBehaviour): void;
  setWebhookUrl(url: string | null): void;
  configure(settings: Pick<CloudEmulatorOptions, 'throughputPerSecond' | 'pairIntervalMs' | 'statusDelays' | 'chaos' | 'accessToken' | 'enforceWindow' | 'defaultRecipient'>): void;
  /** Resolves when every scheduled webhook has been posted (or given up). */
  idle(): Promise<void>;
  /** Counts of refused calls by error code, for load tests. */
  rejections(): Record<string, number>;
}

/** A started emulator. */
export interface CloudEmulator {
  url: string;
  port: number;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  /** The business number's display digits (what quality reports name). */
  displayPhoneNumber: string;
  /** Send it as `x-emulator-token` on every /_emulator/ call (see CloudEmulatorOptions.controlToken). */
  controlToken: string;
  control: EmulatorControl;
  close(): Promise<void>;
}
