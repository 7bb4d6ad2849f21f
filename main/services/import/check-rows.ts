import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import {
  inferDateOrder,
  mappingProblem,
  readCsvTable,
  suggestMapping,
  validateRow,
  type ColumnMapping,
  type CsvTable,
  type DateOrder,
  type MappingSuggestion,
  type RowResult,
} from '../../../shared/domain/import';
import { AppError } from '../app-error';

/** A file read and every row validated with one mapping. */
export interface CheckedFile {
  table: CsvTable;
  suggested: MappingSuggestion;
  mapping: ColumnMapping | null;
  mappingProblem: { field: string; message: string } | null;
  dateOrder: DateOrder;
  results: RowResult[];
  /** False when the check stopped early because the signal was aborted. */
  complete: boolean;
}

export interface CheckOptions {
  text: string;
  mapping?: MappingSuggestion;
  hasHeader?: boolean;
  defaultCountry: string | undefined;
  defaultPurposes: readonly ConsentPurpose[];
  now: number;
  signal?: AbortSignal;
  /** Called after each chunk with the rows checked so far. */
  onChunk?: (done: number, total: number) => void;
  /** Lets other work (a cancel request, IPC) run between chunks. */
  pause?: () => Promise<void>;
}

const CHUNK = 5_000;

/** Reads the CSV, picks the mapping (given, else suggested) and validates every row in chunks. */
export async function checkFile(options: CheckOptions): Promise<CheckedFile> {
  const table = readCsvTable(options.text, options.hasHeader);
  const suggested = suggestMapping(table.headers, table.rows.slice(0, 50));
  const chosen = options.mapping ?? suggested;
  const problem = mappingProblem(chosen, table.columnCount) ?? null;
  const mapping = problem ? null : (chosen as ColumnMapping);
  const dateColumn = mapping?.consentDate;
  const dateOrder = inferDateOrder(
    dateColumn === undefined ? [] : table.rows.map((row) => row[dateColumn] ?? ''),
    options.defaultCountry,
  );
  const results: RowResult[] = [];
  let complete = true;
  if (mapping) {
    const ctx = { mapping, defaultCountry: options.defaultCountry, dateOrder, now: options.now, defaultPurposes: options.defaultPurposes };
    for (let start = 0; start < table.rows.length; start += CHUNK) {
      if (options.signal?.aborted) {
        complete = false;
        break;
      }
      const end = Math.min(table.rows.length, start + CHUNK);
      for (let i = start; i < end; i++) results.push(validateRow(table.rows[i]!, i + 1, ctx));
      options.onChunk?.(end, table.rows.length);
      await options.pause?.();
    }
  }
  return { table, suggested, mapping, mappingProblem: problem, dateOrder, results, complete };
}

/** The same check, refusing a mapping that cannot be used (for a run, where there is no preview to show it in). */
export async function checkFileForRun(options: CheckOptions & { mapping: ColumnMapping }): Promise<CheckedFile & { mapping: ColumnMapping }> {
  const checked = await checkFile(options);
  if (!checked.mapping) {
    const problem = checked.mappingProblem!;
    throw new AppError('invalid_argument', problem.message, `mapping.${problem.field}`);
  }
  if (checked.table.rows.length === 0) throw new AppError('invalid_argument', 'The file has no rows to import.', 'text');
  return checked as CheckedFile & { mapping: ColumnMapping };
}
