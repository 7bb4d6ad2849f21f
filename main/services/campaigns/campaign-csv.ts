/** The per-recipient results of a campaign as CSV: name, phone, state, reason (formula cells neutralised). */
import Papa from 'papaparse';
import { spreadsheetCsv } from '../../../shared/domain/spreadsheet-csv';
import { neutralizeCell } from '../consent/events-csv';
import type { OutboxItem } from '../outbox';
import type { CampaignPlan } from './campaign-record';

/** A recipient's row: where their message got to and, for failures and skips, why. */
export interface ResultRow {
  name: string;
  phone: string;
  state: string;
  reason: string;
}

/** Why an item failed or was skipped, as one cell. */
export function itemReason(item: OutboxItem): string {
  if (!item.error || !['failed', 'skipped', 'unknown'].includes(item.state)) return '';
  return item.error.code !== undefined ? `${item.error.code}: ${item.error.message}` : item.error.message;
}

/** The rows: every planned recipient (by their outbox item) then everyone the dry run skipped. */
export function resultRows(
  plan: CampaignPlan | undefined,
  items: ReadonlyMap<string, OutboxItem>,
  itemIdOf: (contactId: string) => string,
  contact: (contactId: string) => { name: string; phone: string } | undefined,
): ResultRow[] {
  if (!plan) return [];
  const rows: ResultRow[] = [];
  for (const contactId of plan.send) {
    const item = items.get(itemIdOf(contactId));
    const who = contact(contactId);
    rows.push({
      name: who?.name ?? '',
      phone: item?.to ?? who?.phone ?? '',
      state: item?.state ?? 'not_queued',
      reason: item ? itemReason(item) : '',
    });
  }
  for (const { contactId, reason } of plan.skipped) {
    const who = contact(contactId);
    rows.push({ name: who?.name ?? '', phone: who?.phone ?? '', state: 'not_sent', reason });
  }
  return rows;
}

/** The CSV text (header row first), UTF-8 BOM first so Excel reads names in any script. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  return spreadsheetCsv(Papa.unparse({
    fields: ['name', 'phone', 'state', 'reason'],
    data: rows.map((r) => [r.name, r.phone, r.state, r.reason].map(neutralizeCell)),
  }));
}
