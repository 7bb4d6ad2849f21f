/** How one status webhook changes an outbox item: forward only, idempotent, reconciling unknown outcomes. */
import type { StatusEvent } from '../webhook/events';
import { canAdvance, type OutboxItem, type OutboxState } from './outbox-item';

/** The part of a status webhook the outbox reads (the receiver's StatusEvent fits). */
export type OutboxStatusEvent = Pick<StatusEvent, 'messageId' | 'status' | 'bizOpaqueCallbackData' | 'timestampMs'> & {
  errors: readonly { code: number; action: string; message?: string | undefined; title?: string | undefined; details?: string | undefined }[];
};

/** The new item (undefined = nothing changes) and what else the status implies for the contact. */
export interface StatusOutcome {
  next: OutboxItem | undefined;
  /** Set for every report of 131050/131026, duplicates included, so a lost callback is redone on Meta's retry. */
  effect: 'user_stopped' | 'undeliverable' | undefined;
}

const DELIVERY = new Set(['sent', 'delivered', 'read']);

/** Applies a status to an item. `now` stamps the change; `retryAfterMs` is the 131049 delay (24 h). */
export function reduceStatus(item: OutboxItem, event: OutboxStatusEvent, now: number, retryAfterMs: number): StatusOutcome {
  const status = event.status;
  const error = event.errors[0];
  const effect = status === 'failed' ? effectOf(error?.code) : undefined;
  const none: StatusOutcome = { next: undefined, effect: undefined };
  if (status !== 'failed' && !DELIVERY.has(status)) return none;

  if (item.state === 'queued') {
    // Queued again after a 131049 hold: reports about that same message are stale.
    if (item.wamid === event.messageId) return none;
    // An earlier attempt (resent after an unknown outcome) failed: the queued send still goes.
    if (status === 'failed') return none;
    // An earlier attempt did reach WhatsApp: adopt it instead of sending a second copy.
    return { next: { ...item, state: status as OutboxState, wamid: event.messageId, error: undefined, updatedAt: now }, effect: undefined };
  }
  // A stop or bounce reported again after the item failed for it: the contact effect is repeated (idempotent).
  if (item.state === 'failed') return { next: undefined, effect: effect !== undefined && item.error?.code === error?.code ? effect : undefined };

  const from: OutboxState = item.state === 'sending' || item.state === 'unknown' ? 'unknown' : item.state;
  const wamid = item.wamid ?? event.messageId;
  if (status === 'failed') {
    if (!canAdvance(from, 'failed')) return none;
    const reason = {
      code: error?.code,
      action: error?.action,
      message: error ? `WhatsApp reported ${error.code}: ${error.title ?? error.message ?? error.details ?? error.action}` : 'WhatsApp reported the message as failed',
    };
    if (error?.action === 'retry_after_24h') {
      const base = Math.max(now, event.timestampMs || 0);
      return {
        next: { ...clean(item), state: 'queued', wamid: event.messageId, nextAttemptAt: base + retryAfterMs, error: reason, updatedAt: now },
        effect: undefined,
      };
    }
    return { next: { ...clean(item), state: 'failed', wamid, error: reason, updatedAt: now }, effect };
  }
  if (!canAdvance(from, status as OutboxState)) return none;
  return { next: { ...clean(item), state: status as OutboxState, wamid, error: undefined, updatedAt: now }, effect: undefined };
}

function effectOf(code: number | undefined): StatusOutcome['effect'] {
  if (code === 131050) return 'user_stopped';
  if (code === 131026) return 'undeliverable';
  return undefined;
}

/** Drops the in-flight marker (JSON drops undefined keys when stored). */
function clean(item: OutboxItem): OutboxItem {
  return { ...item, sendingSince: undefined };
}
