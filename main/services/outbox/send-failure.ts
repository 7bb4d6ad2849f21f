/** What the outbox does about a failed send, following the error table in docs/cloud-api.md. */
import { CloudApiError, CloudInputError, CloudNetworkError } from '../cloud/errors';
import type { OutboxReason } from './outbox-item';

/** Retry timing settings (all injectable so tests run in milliseconds). */
export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** 131056: retry that recipient after 4^n × this (Meta: seconds). */
  pairRetryUnitMs: number;
  /** 131049: retry no sooner than this (Meta: 24 h). */
  retryAfter24hMs: number;
  random: () => number;
}

/** The decision for one failed send. */
export type SendFailureDecision =
  /** Back to the queue after `delayMs`; `holdAllMs` also pauses every send (throughput/rate limits). */
  | { kind: 'retry'; delayMs: number; holdAllMs: number; slowDown: boolean; error: OutboxReason }
  /** Final failure; `effect` tells what else must happen. */
  | { kind: 'fail'; error: OutboxReason; effect: 'undeliverable' | 'user_stopped' | 'resync_templates' | 'template_paused' | undefined }
  /** Stop the whole outbox until the owner resumes; the item was not sent and stays queued. */
  | { kind: 'stop'; error: OutboxReason }
  /** Pause every campaign (quality), retry this item later. */
  | { kind: 'pause_campaigns'; delayMs: number; error: OutboxReason }
  /** The request surely never left: hold the outbox and probe until the network is back. */
  | { kind: 'offline'; error: OutboxReason }
  /** The request may have been acted upon: never resend automatically. */
  | { kind: 'unknown'; error: OutboxReason };

/** Exponential backoff with equal jitter: half the step fixed, half random, so retries of many items spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Classifies the error of a send that was attempt number `attempts` (1 = first). */
export function decideSendFailure(error: unknown, attempts: number, policy: RetryPolicy): SendFailureDecision {
  if (error instanceof CloudNetworkError) {
    const e: OutboxReason = { action: error.outcome === 'not_sent' ? 'offline' : 'unknown_outcome', message: error.message };
    return error.outcome === 'not_sent' ? { kind: 'offline', error: e } : { kind: 'unknown', error: e };
  }
  if (error instanceof CloudInputError) return { kind: 'fail', error: { action: 'fail', message: error.message }, effect: undefined };
  if (!(error instanceof CloudApiError)) {
    // Not a classified failure (a bug or an unexpected throw): we cannot know whether the request left.
    return { kind: 'unknown', error: { action: 'unknown_outcome', message: `Unexpected failure while sending: ${String((error as Error)?.message ?? error)}` } };
  }
  const e: OutboxReason = { code: error.code, action: error.action, message: error.message };
  const backoff = backoffDelay(attempts, policy.backoffBaseMs, policy.backoffMaxMs, policy.random);
  const giveUp = attempts >= policy.maxAttempts;
  const gaveUp = (): SendFailureDecision => ({
    kind: 'fail',
    error: { ...e, message: `Gave up after ${attempts} attempts: ${e.message}` },
    effect: undefined,
  });
  switch (error.action) {
    case 'stop_reconnect':
    case 'stop_owner':
      return { kind: 'stop', error: e };
    case 'backoff':
    case 'slow_down': {
      // Our pace, not the message, is the problem: the sender slows down and the message keeps its place for longer.
      // A full per-second window empties within a second, so the hold for 130429 stays short; 4/80007 wait longer.
      const hold = error.action === 'slow_down' ? backoffDelay(1, Math.min(250, policy.backoffBaseMs), policy.backoffMaxMs, policy.random) : backoff;
      return attempts >= policy.maxAttempts * 3 ? gaveUp() : { kind: 'retry', delayMs: backoff, holdAllMs: hold, slowDown: true, error: e };
    }
    case 'retry':
      return giveUp ? gaveUp() : { kind: 'retry', delayMs: backoff, holdAllMs: 0, slowDown: false, error: e };
    case 'retry_pair': {
      const delay = 4 ** Math.max(1, attempts) * policy.pairRetryUnitMs;
      return giveUp ? gaveUp() : { kind: 'retry', delayMs: Math.round(delay * (1 + policy.random() * 0.1)), holdAllMs: 0, slowDown: false, error: e };
    }
    case 'retry_after_24h':
      return { kind: 'retry', delayMs: policy.retryAfter24hMs, holdAllMs: 0, slowDown: false, error: e };
    case 'pause_campaigns':
      return giveUp ? gaveUp() : { kind: 'pause_campaigns', delayMs: backoff, error: e };
    case 'fail_undeliverable':
      return { kind: 'fail', error: e, effect: 'undeliverable' };
    case 'never_retry_stop':
      return { kind: 'fail', error: e, effect: 'user_stopped' };
    case 'fail_resync_templates':
      return { kind: 'fail', error: e, effect: 'resync_templates' };
    case 'fail_template_paused':
      return { kind: 'fail', error: e, effect: 'template_paused' };
    case 'fail':
    case 'fail_template_params':
    case 'fail_window':
      return { kind: 'fail', error: e, effect: undefined };
    default:
      return { kind: 'fail', error: e, effect: undefined };
  }
}
