/** The messaging-limit budget: who was reached with a template outside their window in the rolling 24 h. */

const DAY_MS = 24 * 3600_000;

/** The fields of an outbox item the budget needs. */
export interface ReachedItem {
  to: string;
  kind: 'template' | 'text';
  state: string;
  createdAt: number;
}

/**
 * Unique numbers already reached (or about to be: queued and in flight) with templates in the last 24 h. Skipped
 * and failed items reached nobody. Session replies are free. Errs on counting a message as reached, not on missing one.
 */
export function reachedInWindow(items: Iterable<ReachedItem>, now: number): Set<string> {
  const since = now - DAY_MS;
  const reached = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'template' || item.createdAt < since) continue;
    if (item.state === 'skipped' || item.state === 'failed') continue;
    reached.add(item.to);
  }
  return reached;
}
