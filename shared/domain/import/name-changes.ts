import type { ContactPlan } from './merge-rows';

/** What the owner chose for numbers already on record under another name: keep it, or take the file's. */
export const EXISTING_NAME_CHOICES = ['keep', 'replace'] as const;
export type ExistingNameChoice = (typeof EXISTING_NAME_CHOICES)[number];

/** A contact the file would rename: its number, the row the new name comes from, both names. */
export interface NameChange {
  row: number;
  phone: string;
  current: string;
  incoming: string;
}

const clean = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * The contacts on record whose name the file would change. A blank name in the file changes nothing, and neither
 * does a name that differs only in spacing; an empty name on record is only filled in, never a change.
 */
export function nameChanges(plans: Iterable<ContactPlan>, nameOnRecord: (e164: string) => string | undefined): NameChange[] {
  const out: NameChange[] = [];
  for (const plan of plans) {
    const change = nameChange(plan, nameOnRecord(plan.e164));
    if (change) out.push(change);
  }
  return out;
}

function nameChange(plan: ContactPlan, current: string | undefined): NameChange | undefined {
  const incoming = clean(plan.name);
  if (current === undefined || incoming === '' || clean(current) === '' || clean(current) === incoming) return undefined;
  return { row: plan.nameRow ?? plan.rows[0] ?? 0, phone: plan.e164, current, incoming };
}

/**
 * The name to store for a planned contact: the file's for a new contact or an empty name on record; for a contact
 * on record under another name, the file's only when the owner chose `replace` — otherwise '' (the ledger keeps
 * the stored name when given none). An import never overwrites a name it did not say it would.
 */
export function nameToWrite(plan: ContactPlan, nameOnRecord: string | undefined, choice: ExistingNameChoice): { name: string; change: 'kept' | 'replaced' | null } {
  const change = nameChange(plan, nameOnRecord);
  // The same name (up to spacing) or none in the file: leave what is stored exactly as it is.
  if (!change) return { name: nameOnRecord !== undefined && clean(nameOnRecord) !== '' ? '' : clean(plan.name), change: null };
  return choice === 'replace' ? { name: change.incoming, change: 'replaced' } : { name: '', change: 'kept' };
}
