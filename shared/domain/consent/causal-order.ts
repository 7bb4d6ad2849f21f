import type { ConsentEvent } from './event';

type Linked = Pick<ConsentEvent, 'id' | 'type' | 'occurredAt' | 'supersedes'>;

/**
 * Among events that are causally unordered (written by tills that had not seen each other's events), earlier
 * occurredAt first; at equal times a revocation goes last so that it wins; then by id for determinism.
 */
function concurrentOrder(a: Linked, b: Linked): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (byTime !== 0) return byTime;
  const aRevoked = a.type === 'revoked' ? 1 : 0;
  const bRevoked = b.type === 'revoked' ? 1 : 0;
  if (aRevoked !== bRevoked) return aRevoked - bRevoked;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Orders a contact's events so that every event comes after the one it supersedes (causal order, not clock order).
 * An event whose `supersedes` is unknown (not synced yet) is treated as a root. Corrupt cycles are appended by time.
 */
export function causalOrder<T extends Linked>(events: readonly T[]): T[] {
  if (isSimpleChain(events)) return [...events];
  const byId = new Map(events.map((event) => [event.id, event]));
  const children = new Map<string, T[]>();
  const ready: T[] = [];
  for (const event of events) {
    const parent = event.supersedes;
    if (parent !== null && parent !== event.id && byId.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(event);
      children.set(parent, list);
    } else {
      ready.push(event);
    }
  }
  const ordered: T[] = [];
  const placed = new Set<string>();
  while (ready.length > 0) {
    ready.sort(concurrentOrder);
    const next = ready.shift() as T;
    if (placed.has(next.id)) continue;
    placed.add(next.id);
    ordered.push(next);
    ready.push(...(children.get(next.id) ?? []));
  }
  if (ordered.length < events.length) {
    ordered.push(...events.filter((event) => !placed.has(event.id)).sort(concurrentOrder));
  }
  return ordered;
}

const SIMPLE_CHAIN_MAX = 8;

/**
 * A short history written on one device: each event supersedes the one before it, ids are distinct, and the first
 * links to none of the others. Its causal order is the stored order, so the sort (the cost of deriving consent for
 * every contact of an import) can be skipped. Longer histories take the general path.
 */
function isSimpleChain(events: readonly Linked[]): boolean {
  if (events.length > SIMPLE_CHAIN_MAX) return false;
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.supersedes !== events[i - 1]!.id) return false;
    for (let j = 0; j < i; j++) if (events[j]!.id === events[i]!.id) return false;
    if (events[0]!.supersedes === events[i]!.id) return false;
  }
  return true;
}

/** Answers "had the writer of `descendant` seen `ancestor`?" by following supersedes links. */
export function makeSupersedesCheck(events: readonly Linked[]): (descendant: string, ancestor: string) => boolean {
  const parentOf = new Map(events.map((event) => [event.id, event.supersedes]));
  return (descendant, ancestor) => {
    const seen = new Set<string>();
    let current = parentOf.get(descendant) ?? null;
    while (current !== null && !seen.has(current)) {
      if (current === ancestor) return true;
      seen.add(current);
      current = parentOf.get(current) ?? null;
    }
    return false;
  };
}
