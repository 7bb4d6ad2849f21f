import Papa from 'papaparse';
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import { spreadsheetCsv } from '../../../shared/domain/spreadsheet-csv';

/** Columns of the all-events export, in order. */
export const EVENT_CSV_COLUMNS = [
  'id',
  'contactId',
  'phone',
  'type',
  'purpose',
  'method',
  'source',
  'occurredAt',
  'recordedAt',
  'recordedBy',
  'locale',
  'textVersion',
  'textHash',
  'textShown',
  'evidence',
  'deviceId',
  'deviceSeq',
  'supersedes',
  'prevHash',
  'hash',
] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula; a quote in front keeps it text.
 * Phone numbers start with + so they are neutralised too, and still read correctly.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(event: ConsentEvent, column: (typeof EVENT_CSV_COLUMNS)[number]): string {
  const value = (event as Record<string, unknown>)[column];
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return neutralizeCell(JSON.stringify(value));
  return neutralizeCell(String(value));
}

/** Every consent event as CSV (RFC 4180 quoting via papaparse), formula injection neutralised, UTF-8 BOM first for Excel. */
export async function eventsToCsv(events: AsyncIterable<ConsentEvent> | Iterable<ConsentEvent>): Promise<string> {
  const rows: string[][] = [];
  for await (const event of events) rows.push(EVENT_CSV_COLUMNS.map((c) => cell(event, c)));
  return spreadsheetCsv(Papa.unparse({ fields: [...EVENT_CSV_COLUMNS], data: rows }, { newline: '\r\n' }));
}
