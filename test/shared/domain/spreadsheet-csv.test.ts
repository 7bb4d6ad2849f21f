import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../../main/services/campaigns/campaign-csv';
import { eventsToCsv } from '../../../main/services/consent/events-csv';
import { importReportCsv } from '../../../renderer/components/import/error-csv';
import type { ImportSummary } from '../../../shared/contract/import';
import { spreadsheetCsv } from '../../../shared/domain/spreadsheet-csv';
import { chain, T0 } from './consent/helpers';

const BOM = [0xef, 0xbb, 0xbf];

/** The bytes a file saved from this text holds (Blob, Buffer and fs all write UTF-8). */
const bytes = (text: string) => [...Buffer.from(text, 'utf8')];
const utf8 = (text: string) => bytes(text);

function summary(): ImportSummary {
  return {
    importId: 'i1', fileName: 'list.csv', total: 2, created: 0, updated: 0, confirmed: 0, revoked: 0, alreadyRecorded: 0,
    duplicates: 0, skippedOptedOut: [], namesKept: 0, namesReplaced: 0, cancelled: false, elapsedMs: 1,
    errors: [{ row: 2, reason: 'Café Müller: नंबर अमान्य है', problems: [] }],
  };
}

describe('CSV files for people start with the UTF-8 byte-order mark (Excel on Windows reads them as UTF-8)', () => {
  it('the all-events export: BOM, then the header, names and Hindi as UTF-8', async () => {
    const [event] = chain([{ type: 'confirmed', at: T0, source: 'Café Müller नमस्ते' }]);
    const file = bytes(await eventsToCsv([event!]));
    expect(file.slice(0, 3)).toEqual(BOM);
    expect(file.slice(3, 6)).toEqual(utf8('id,'));
    expect(Buffer.from(file).includes(Buffer.from('Café Müller नमस्ते'))).toBe(true);
  });

  it('the campaign results', () => {
    const file = bytes(resultsCsv([{ name: 'Café Müller', phone: '+34600111222', state: 'sent', reason: '' }]));
    expect(file.slice(0, 3)).toEqual(BOM);
    expect(file.slice(3, 7)).toEqual(utf8('name'));
  });

  it('the import problems report', () => {
    const file = bytes(importReportCsv(summary()));
    expect(file.slice(0, 3)).toEqual(BOM);
    expect(file.slice(3, 6)).toEqual(utf8('row'));
  });

  it('adds the mark once, never twice', () => {
    expect(bytes(spreadsheetCsv(spreadsheetCsv('a,b\r\n'))).slice(0, 6)).toEqual([...BOM, ...utf8('a,b')]);
  });
});
