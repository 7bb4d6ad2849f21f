import type { ImportSummary } from '../../../shared/contract/import';
import { spreadsheetCsv } from '../../../shared/domain/spreadsheet-csv';

/** A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading quote mark. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The problem rows and the opt-out skips of an import as CSV (UTF-8 BOM first), for fixing the file and importing again. */
export function importReportCsv(summary: ImportSummary): string {
  const lines = ['row,problem'];
  for (const error of summary.errors) lines.push(`${cell(error.row)},${cell(error.reason)}`);
  for (const skip of summary.skippedOptedOut) {
    lines.push(`${cell(skip.row)},${cell(`${skip.phone} opted out of ${skip.purpose}: not subscribed again.`)}`);
  }
  return spreadsheetCsv(`${lines.join('\r\n')}\r\n`);
}
