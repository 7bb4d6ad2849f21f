import Papa from 'papaparse';
import { findAlias } from './header-aliases';

/** A CSV file read into cells: the header (given or generated) and the data rows, numbered from 1. */
export interface CsvTable {
  headers: string[];
  /** Whether the first line of the file was taken as the header. */
  hasHeader: boolean;
  delimiter: string;
  /** Data rows; `rows[0]` is row 1 (the first row after the header), the number written into import evidence. */
  rows: string[][];
  columnCount: number;
}

const PHONE_LIKE = /^[\s+()\-./\d]*$/;

/** True when a cell looks like a phone number (7+ digits, only dialling characters). */
export function looksLikePhone(cell: string): boolean {
  const trimmed = cell.trim();
  if (!PHONE_LIKE.test(trimmed)) return false;
  let digits = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 7;
}

/**
 * A first line is a header when none of its cells is a phone number and either one of them names a known column
 * or the next line does carry a phone number (so the first line is not just a row with a missing phone).
 */
export function detectHeader(first: readonly string[], second: readonly string[] | undefined): boolean {
  if (first.some(looksLikePhone)) return false;
  if (first.some((cell) => findAlias(cell) !== undefined)) return true;
  return second !== undefined && second.some(looksLikePhone);
}

/**
 * Parses CSV text (comma, semicolon or tab separated; quoted fields; a leading BOM) into a table. Blank lines are
 * skipped. `hasHeader` overrides the detection when the person says otherwise.
 */
export function readCsvTable(text: string, hasHeader?: boolean): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const lines = parsed.data;
  const delimiter = parsed.meta.delimiter || ',';
  if (lines.length === 0) return { headers: [], hasHeader: false, delimiter, rows: [], columnCount: 0 };
  const header = hasHeader ?? detectHeader(lines[0]!, lines[1]);
  const rows = header ? lines.slice(1) : lines;
  let columnCount = header ? lines[0]!.length : 0;
  for (const row of rows) if (row.length > columnCount) columnCount = row.length;
  const headers: string[] = [];
  for (let i = 0; i < columnCount; i++) {
    const given = header ? (lines[0]![i] ?? '').trim() : '';
    headers.push(given || `Column ${i + 1}`);
  }
  return { headers, hasHeader: header, delimiter, rows, columnCount };
}
