/**
 * The UTF-8 byte-order mark. Excel on Windows opens a CSV without it in the PC's legacy code page, so "Café Müller"
 * becomes "CafÃ© MÃ¼ller" and Hindi turns to noise; with it, Excel (and LibreOffice, Numbers, Sheets) read UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV meant for people (opened in a spreadsheet) with the BOM in front, exactly once. Every CSV the app writes for
 * people goes through here; a string with the BOM encodes to EF BB BF … as UTF-8 (Blob, Buffer, fs, HTTP).
 */
export function spreadsheetCsv(csv: string): string {
  return csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv;
}
