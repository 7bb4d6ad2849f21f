/**
 * The Cloud API error table from docs/cloud-api.md as data, plus the typed errors the client throws.
 * Decisions are made on the numeric `code` only: Meta's message texts and HTTP statuses vary.
 */

/** What the sender must do about a failure. */
export type CloudErrorAction =
  | 'stop_reconnect' // token invalid/expired: stop the outbox, ask the owner to reconnect
  | 'backoff' // app/account API-call rate limit: back off, retry later
  | 'slow_down' // number throughput reached: lower the pace, retry with backoff
  | 'retry_pair' // pair rate limit: retry that recipient after 4^n s
  | 'retry' // temporary: retry a few times with backoff
  | 'fail' // bad request: fail the message with the reason, never retry
  | 'fail_template_params' // template parameter count/format wrong: fail, fix the mapping
  | 'stop_owner' // permission/account problem: stop the outbox, tell the owner
  | 'fail_undeliverable' // not on WhatsApp: fail, mark the number undeliverable
  | 'fail_window' // outside the 24 h window: fail, only a template may be sent
  | 'pause_campaigns' // spam/quality limit: pause campaigns, warn the owner
  | 'retry_after_24h' // per-user marketing limit: retry no sooner than 24 h
  | 'never_retry_stop' // user stopped marketing messages: never retry, record on the contact
  | 'fail_resync_templates' // template missing/unapproved in that language: fail, resync templates
  | 'fail_template_paused'; // template paused/disabled: fail, stop campaigns using it

/** One row of the error table. */
export interface CloudErrorInfo {
  action: CloudErrorAction;
  retryable: boolean;
  /** The HTTP status Meta reports for it (used by the emulator; never used for decisions). */
  httpStatus: number;
  /** True when the code normally arrives in a status webhook rather than a send response. */
  webhookOnly?: boolean;
  description: string;
}

const row = (
  action: CloudErrorAction,
  retryable: boolean,
  httpStatus: number,
  description: string,
  webhookOnly?: boolean,
): CloudErrorInfo => (webhookOnly ? { action, retryable, httpStatus, description, webhookOnly } : { action, retryable, httpStatus, description });

/** The error table, keyed by Meta's numeric code. */
export const CLOUD_ERROR_TABLE: Readonly<Record<number, CloudErrorInfo>> = Object.freeze({
  0: row('stop_reconnect', false, 401, 'Access token invalid or expired'),
  190: row('stop_reconnect', false, 401, 'Access token invalid or expired'),
  4: row('backoff', true, 400, 'Application API-call rate limit reached'),
  80007: row('backoff', true, 400, 'WhatsApp Business Account rate limit reached'),
  100: row('fail', false, 400, 'Invalid parameter'),
  131008: row('fail', false, 400, 'Required parameter is missing'),
  131009: row('fail', false, 400, 'Parameter value is not valid'),
  130429: row('slow_down', true, 429, 'Cloud API message throughput has been reached'),
  131056: row('retry_pair', true, 400, 'Too many messages to the same recipient in a short time (pair rate limit)'),
  131000: row('retry', true, 500, 'Something went wrong (unknown error)'),
  131016: row('retry', true, 503, 'Service temporarily unavailable'),
  2: row('retry', true, 503, 'Temporary API service problem'),
  131057: row('retry', true, 503, 'Business account is in maintenance mode'),
  131005: row('stop_owner', false, 403, 'Permission missing for this action'),
  368: row('stop_owner', false, 403, 'Account temporarily blocked for policy violations'),
  131031: row('stop_owner', false, 403, 'Business account has been restricted or locked'),
  131021: row('fail', false, 400, 'Recipient is the sender'),
  131026: row('fail_undeliverable', false, 400, 'Recipient is not on WhatsApp or cannot receive this message'),
  131047: row('fail_window', false, 400, 'More than 24 hours since the customer last wrote: only a template may be sent'),
  131048: row('pause_campaigns', false, 400, 'Spam rate limit hit because of quality: campaigns must pause'),
  131049: row('retry_after_24h', true, 400, 'Held back by the per-user marketing limit', true),
  131050: row('never_retry_stop', false, 400, 'The user stopped marketing messages from this business', true),
  132000: row('fail_template_params', false, 400, 'Template parameter count does not match'),
  132012: row('fail_template_params', false, 400, 'Template parameter format does not match'),
  132018: row('fail_template_params', false, 400, 'Template parameters are not valid'),
  132001: row('fail_resync_templates', false, 404, 'Template does not exist in that language or is not approved'),
  132015: row('fail_template_paused', false, 400, 'Template is paused because of low quality'),
  132016: row('fail_template_paused', false, 400, 'Template has been disabled'),
  133010: row('stop_owner', false, 400, 'Business phone number is not registered'),
});

/** The table row for a code, or a default chosen from the HTTP status class for codes we do not know. */
export function cloudErrorInfo(code: number, httpStatus?: number): CloudErrorInfo {
  const known = CLOUD_ERROR_TABLE[code];
  if (known) return known;
  const status = httpStatus ?? 0;
  if (status === 401) return row('stop_reconnect', false, status, 'Not authorised');
  if (status === 403) return row('stop_owner', false, status, 'Forbidden');
  if (status === 429) return row('backoff', true, status, 'Too many requests');
  if (status >= 500 || status === 408) return row('retry', true, status || 500, 'Server error');
  return row('fail', false, status || 400, 'Request refused');
}

/** A failure reported by the Cloud API (error envelope, or a failed status webhook). */
export class CloudApiError extends Error {
  override readonly name = 'CloudApiError';
  readonly code: number;
  readonly subcode: number | undefined;
  readonly details: string | undefined;
  readonly httpStatus: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly type: string | undefined;
  readonly action: CloudErrorAction;
  readonly retryable: boolean;

  constructor(init: {
    code: number;
    subcode?: number | undefined;
    details?: string | undefined;
    httpStatus?: number | undefined;
    fbtraceId?: string | undefined;
    type?: string | undefined;
  }) {
    const info = cloudErrorInfo(init.code, init.httpStatus);
    super(`Cloud API error ${init.code}: ${info.description}${init.details ? ` (${init.details})` : ''}`);
    this.code = init.code;
    this.subcode = init.subcode;
    this.details = init.details;
    this.httpStatus = init.httpStatus;
    this.fbtraceId = init.fbtraceId;
    this.type = init.type;
    this.action = info.action;
    this.retryable = info.retryable;
  }
}

/** Why a call never got a usable answer. */
export type CloudNetworkReason = 'offline' | 'timeout' | 'connection_lost' | 'bad_response';

/**
 * The Cloud API could not be reached or answered something unreadable. Always retryable.
 * `outcome` tells the outbox whether the request may have been acted upon ('unknown') or surely was not ('not_sent').
 */
export class CloudNetworkError extends Error {
  override readonly name = 'CloudNetworkError';
  readonly action = 'retry' as const;
  readonly retryable = true;
  readonly reason: CloudNetworkReason;
  readonly outcome: 'not_sent' | 'unknown';
  readonly httpStatus: number | undefined;

  constructor(reason: CloudNetworkReason, outcome: 'not_sent' | 'unknown', detail: string, httpStatus?: number) {
    super(`Cloud API unreachable (${reason}): ${detail}`);
    this.reason = reason;
    this.outcome = outcome;
    this.httpStatus = httpStatus;
  }
}

/** A request the client refused to send because its input is wrong (e.g. a recipient that is not E.164 digits). */
export class CloudInputError extends Error {
  override readonly name = 'CloudInputError';
  readonly action = 'fail' as const;
  readonly retryable = false;
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
