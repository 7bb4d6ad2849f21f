import { IMPORT_FIELDS, headerScore, type ImportField } from './header-aliases';
import { looksLikePhone } from './csv-table';

/** Which column (0-based index) holds each field; only the phone is required. */
export type ColumnMapping = { phone: number } & Partial<Record<Exclude<ImportField, 'phone'>, number>>;

/** A mapping with the phone column possibly not found yet (what a suggestion can be). */
export type MappingSuggestion = Partial<Record<ImportField, number>>;

/** How much of a sample of cells in a column looks like phone numbers (0–1). */
function phoneShare(rows: readonly string[][], column: number): number {
  let filled = 0;
  let phones = 0;
  for (const row of rows) {
    const cell = row[column]?.trim() ?? '';
    if (cell === '') continue;
    filled++;
    if (looksLikePhone(cell)) phones++;
  }
  return filled === 0 ? 0 : phones / filled;
}

/**
 * Suggests a column for every field from the header names (best score first, each column used once); when no
 * header names the phone, the column whose sample cells are mostly phone numbers is taken.
 */
export function suggestMapping(headers: readonly string[], sample: readonly string[][] = []): MappingSuggestion {
  const candidates: { field: ImportField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of IMPORT_FIELDS) {
      const score = headerScore(header, field);
      if (score > 0) candidates.push({ field, column, score });
    }
  });
  // Ties go to the field listed first (phone before name …), so results never depend on sort stability.
  candidates.sort((a, b) => b.score - a.score || IMPORT_FIELDS.indexOf(a.field) - IMPORT_FIELDS.indexOf(b.field) || a.column - b.column);
  const mapping: MappingSuggestion = {};
  const used = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  if (mapping.phone === undefined || phoneShare(sample, mapping.phone) < 0.5) {
    let best = -1;
    let bestShare = 0.5;
    for (let column = 0; column < headers.length; column++) {
      const share = phoneShare(sample, column);
      if (share > bestShare) {
        best = column;
        bestShare = share;
      }
    }
    if (best >= 0) {
      for (const field of IMPORT_FIELDS) if (mapping[field] === best) delete mapping[field];
      mapping.phone = best;
    }
  }
  return mapping;
}

/** Why a mapping cannot be used with a file, as a sentence; undefined when it can. */
export function mappingProblem(mapping: MappingSuggestion, columnCount: number): { field: ImportField; message: string } | undefined {
  if (mapping.phone === undefined) return { field: 'phone', message: 'Choose the column that holds the phone numbers.' };
  const seen = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) {
      return { field, message: `The ${field} column (${column + 1}) is not in the file, which has ${columnCount} columns.` };
    }
    const other = seen.get(column);
    if (other) return { field, message: `Column ${column + 1} is chosen for both ${other} and ${field}; choose it once.` };
    seen.set(column, field);
  }
  return undefined;
}
