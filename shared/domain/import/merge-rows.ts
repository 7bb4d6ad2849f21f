import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/event';
import type { RowConsent, ValidRow } from './validate-row';

/** The consent kept for one purpose of one contact: the row it came from and what that row said. */
export interface PlannedConsent extends Omit<RowConsent, 'purposes'> {
  row: number;
}

/** Everything a file says about one phone number, its rows merged. */
export interface ContactPlan {
  e164: string;
  /** Every row of the file with this number, in file order. */
  rows: number[];
  /** The last non-empty name in the file (a later row corrects an earlier one). */
  name: string;
  /** The row that name comes from (absent when no row names the contact). */
  nameRow?: number;
  /** Every tag of every row, first spelling kept. */
  tags: string[];
  /** One consent per purpose: the latest date (on a tie, the later row). */
  confirm: Partial<Record<ConsentPurpose, PlannedConsent>>;
  /** Purposes the file opts out of, with the row that says so (the first such row). */
  revoke: Partial<Record<ConsentPurpose, { row: number }>>;
  /** Consent rows dropped because another row of the file opts the same number out of that purpose. */
  droppedByOptOut: { row: number; purpose: ConsentPurpose }[];
}

/**
 * Merges the rows of a file by phone number, in order of first appearance. A number listed twice gets one contact,
 * one consent per purpose and its opt-outs; an opt-out anywhere in the file wins over a consent for that purpose.
 */
export function mergeByPhone(rows: Iterable<ValidRow>): ContactPlan[] {
  const plans = new Map<string, ContactPlan>();
  for (const row of rows) {
    let plan = plans.get(row.contact.e164);
    if (!plan) {
      plan = { e164: row.contact.e164, rows: [], name: '', tags: [], confirm: {}, revoke: {}, droppedByOptOut: [] };
      plans.set(plan.e164, plan);
    }
    plan.rows.push(row.row);
    if (row.contact.name) {
      plan.name = row.contact.name;
      plan.nameRow = row.row;
    }
    for (const tag of row.contact.tags) {
      if (!plan.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) plan.tags.push(tag);
    }
    for (const purpose of row.optOut ?? []) plan.revoke[purpose] ??= { row: row.row };
    if (row.consent) {
      const { purposes, ...rest } = row.consent;
      for (const purpose of purposes) {
        const current = plan.confirm[purpose];
        if (!current || Date.parse(rest.occurredAt) >= Date.parse(current.occurredAt)) plan.confirm[purpose] = { ...rest, row: row.row };
      }
    }
  }
  for (const plan of plans.values()) {
    for (const purpose of CONSENT_PURPOSES) {
      const confirm = plan.confirm[purpose];
      if (confirm && plan.revoke[purpose]) {
        plan.droppedByOptOut.push({ row: confirm.row, purpose });
        delete plan.confirm[purpose];
      }
    }
  }
  return [...plans.values()];
}
