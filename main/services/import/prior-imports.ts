import type { ConsentEvent, ConsentPurpose } from '../../../shared/domain/consent/event';
import type { ConsentLedger } from '../consent/ledger';

/**
 * What makes an imported consent "the same" on a second import: purpose, date, and the text and version shown.
 * File name and row number are left out on purpose: a renamed copy of the file, or the same sheet re-exported with
 * rows added or re-sorted, must not import everyone again.
 */
export function importKey(purpose: ConsentPurpose, occurredAt: string, text?: string, version?: number): string {
  return `${purpose}\u0000${occurredAt}\u0000${text ?? ''}\u0000${version ?? ''}`;
}

function keyOf(event: ConsentEvent): string | undefined {
  if (event.type !== 'confirmed' || event.method !== 'import') return undefined;
  return importKey(event.purpose, event.occurredAt, event.textShown, event.textVersion);
}

/**
 * The import keys already on record for some contacts. Few contacts: read their histories one by one. Many (more
 * than a tenth of all events): one sequential scan of the log is cheaper than that many random reads.
 */
export async function loadImportKeys(ledger: ConsentLedger, contactIds: ReadonlySet<string>): Promise<Map<string, Set<string>>> {
  const keys = new Map<string, Set<string>>();
  const add = (event: ConsentEvent) => {
    const key = keyOf(event);
    if (!key) return;
    let set = keys.get(event.contactId);
    if (!set) keys.set(event.contactId, (set = new Set()));
    set.add(key);
  };
  if (contactIds.size === 0) return keys;
  if (contactIds.size * 10 > ledger.eventCount) {
    for await (const event of ledger.allEvents()) if (contactIds.has(event.contactId)) add(event);
    return keys;
  }
  const ids = [...contactIds];
  for (let i = 0; i < ids.length; i += 256) {
    const histories = await Promise.all(ids.slice(i, i + 256).map((id) => ledger.eventsOf(id)));
    for (const events of histories) for (const event of events) add(event);
  }
  return keys;
}
