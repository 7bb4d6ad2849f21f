/** The delivery funnel of a set of outbox items: counts by state and by failure or skip reason. */
import { OUTBOX_STATES, type OutboxItem, type OutboxState } from './outbox-item';

/** Counts for a campaign (or the whole outbox). */
export interface OutboxCounts {
  total: number;
  byState: Record<OutboxState, number>;
  /** Items that reached at least this step (read counts as delivered, sent and accepted too). */
  funnel: { accepted: number; sent: number; delivered: number; read: number };
  /** Failed items by reason key: the Meta code when there is one, else the outbox action. */
  failedByReason: Record<string, number>;
  /** Skipped items by reason (consent refusal text, `cancelled`, `dropped`). */
  skippedByReason: Record<string, number>;
}

/** The key a failure is grouped under. */
export function reasonKey(item: OutboxItem): string {
  const e = item.error;
  if (!e) return 'unspecified';
  if (item.state === 'skipped') return e.action === 'consent_refused' ? e.message : (e.action ?? e.message);
  return e.code !== undefined ? String(e.code) : (e.action ?? 'unspecified');
}

/** Counts the items (one pass). */
export function countItems(items: Iterable<OutboxItem>): OutboxCounts {
  const byState = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
  const failedByReason: Record<string, number> = {};
  const skippedByReason: Record<string, number> = {};
  let total = 0;
  for (const item of items) {
    total += 1;
    byState[item.state] += 1;
    if (item.state === 'failed') failedByReason[reasonKey(item)] = (failedByReason[reasonKey(item)] ?? 0) + 1;
    if (item.state === 'skipped') skippedByReason[reasonKey(item)] = (skippedByReason[reasonKey(item)] ?? 0) + 1;
  }
  const read = byState.read;
  const delivered = read + byState.delivered;
  const sent = delivered + byState.sent;
  return { total, byState, funnel: { accepted: sent + byState.accepted, sent, delivered, read }, failedByReason, skippedByReason };
}
