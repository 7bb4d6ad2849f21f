import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../../shared/domain/phone';
import {
  importPhone,
  inferDateOrder,
  mergeByPhone,
  parseConsentDate,
  parseOptOut,
  parsePurposes,
  readCsvTable,
  suggestMapping,
  validateRow,
  type RowContext,
  type ValidRow,
} from '../../../../shared/domain/import';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  mapping: { phone: 0, name: 1, consentDate: 2, consentMethod: 3, purpose: 4, optOut: 5 },
  defaultCountry: 'ES',
  dateOrder: 'dmy',
  now: NOW,
  defaultPurposes: ['marketing'],
  ...over,
});

describe('reading the file and suggesting a mapping', () => {
  it('detects the header, the delimiter and a BOM, and maps English, Spanish and Portuguese names', () => {
    const table = readCsvTable('\uFEFFTeléfono;Nombre;Fecha de alta;Método;Finalidad;Baja\n600000001;Ana;01/03/2025;web;marketing;\n');
    expect(table).toMatchObject({ hasHeader: true, delimiter: ';', columnCount: 6, rows: [['600000001', 'Ana', '01/03/2025', 'web', 'marketing', '']] });
    expect(suggestMapping(table.headers)).toEqual({ phone: 0, name: 1, consentDate: 2, consentMethod: 3, purpose: 4, optOut: 5 });
    expect(suggestMapping(['Nome completo', 'Celular', 'Data de consentimento', 'Texto do consentimento', 'Consent text version'])).toEqual({
      name: 0, phone: 1, consentDate: 2, consentText: 3, consentTextVersion: 4,
    });
    expect(suggestMapping(['Customer phone (mobile)', 'Email'])).toEqual({ phone: 0 });
  });

  it('treats a first line with a number as data and finds the phone column by its content', () => {
    const table = readCsvTable('Ana,"+34 600 000 001"\nLuis,600000002\n');
    expect(table.hasHeader).toBe(false);
    expect(table.headers).toEqual(['Column 1', 'Column 2']);
    expect(suggestMapping(table.headers, table.rows)).toEqual({ phone: 1 });
  });
});

describe('phone numbers in the formats shops write them', () => {
  const phone = (cell: string, country = 'ES') => validateRow([cell], 1, ctx({ mapping: { phone: 0 }, defaultCountry: country }));
  it.each([
    ['+34 600 11 22 33', 'ES', '+34600112233'],
    ['0034600112233', 'ES', '+34600112233'],
    ['600-11-22-33', 'ES', '+34600112233'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['+55 (11) 91234-5678', 'ES', '+5511912345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
  ])('%s with default country %s is %s', (cell, country, e164) => {
    expect(phone(cell, country)).toMatchObject({ ok: true, contact: { e164 } });
  });

  it('names the phone problem of a bad row', () => {
    expect(phone('12345')).toMatchObject({ ok: false, problems: [{ code: 'phone_invalid', problem: 'too_short' }] });
    expect(phone('abc')).toMatchObject({ ok: false, reason: expect.stringContaining('"abc" cannot be used: it has no digits') });
    expect(phone('')).toMatchObject({ ok: false, problems: [{ code: 'phone_missing' }] });
    expect(phone('6.00112233E+08')).toMatchObject({ ok: false, problems: [{ code: 'phone_scientific' }] });
    expect(phone('600112233', 'ZZ')).toMatchObject({ ok: false, problems: [{ code: 'phone_invalid', problem: 'invalid_country' }] });
  });

  it('agrees with normalizePhone on any input', () => {
    const cell = fc.tuple(fc.constantFrom('', '+', '00', '+34 ', '(', '+55 11 '), fc.stringMatching(/^[0-9 ()-]{0,16}$/)).map(([a, b]) => a + b);
    fc.assert(
      fc.property(cell, fc.constantFrom('ES', 'BR', 'US', 'IN', undefined), (input, country) => {
        const slow = normalizePhone(input, country);
        const fast = importPhone(input, country);
        expect(fast).toEqual(slow.ok ? { ok: true, e164: slow.phone.e164 } : slow);
      }),
      { numRuns: 300 },
    );
  });
});

describe('consent dates, purposes and opt-outs', () => {
  it('reads the date formats of spreadsheets; a date without a time is noon UTC', () => {
    expect(parseConsentDate('2025-03-04', 'dmy')).toBe('2025-03-04T12:00:00.000Z');
    expect(parseConsentDate('04/03/2025', 'dmy')).toBe('2025-03-04T12:00:00.000Z');
    expect(parseConsentDate('03/04/2025 2:30 PM', 'mdy')).toBe('2025-03-04T14:30:00.000Z');
    expect(parseConsentDate('2025-03-04T10:00:00+02:00', 'dmy')).toBe('2025-03-04T08:00:00.000Z');
    expect(parseConsentDate('4 de marzo de 2025', 'dmy')).toBe('2025-03-04T12:00:00.000Z');
    expect(parseConsentDate('March 4, 2025', 'dmy')).toBe('2025-03-04T12:00:00.000Z');
    expect(parseConsentDate('45720', 'dmy')).toBe('2025-03-04T12:00:00.000Z');
    for (const bad of ['31/02/2025', 'yesterday', '2025-13-01', '1960-01-01']) expect(parseConsentDate(bad, 'dmy')).toBeUndefined();
  });

  it('infers day-first or month-first from the file, else from the country', () => {
    expect(inferDateOrder(['01/02/2025', '25/02/2025'], 'US')).toBe('dmy');
    expect(inferDateOrder(['01/02/2025', '02/25/2025'], 'ES')).toBe('mdy');
    expect(inferDateOrder(['01/02/2025'], 'US')).toBe('mdy');
    expect(inferDateOrder(['01/02/2025'], 'ES')).toBe('dmy');
  });

  it('reads purposes and opt-out values in three languages', () => {
    expect(parsePurposes('Marketing y servicio')).toEqual({ ok: true, purposes: ['marketing', 'utility'] });
    expect(parsePurposes('promoções')).toEqual({ ok: true, purposes: ['marketing'] });
    expect(parsePurposes('sorteos')).toEqual({ ok: false, unknown: 'sorteos' });
    expect(parsePurposes('promocoes; lembretes')).toEqual({ ok: true, purposes: ['marketing', 'utility'] });
    expect([parseOptOut('Sí'), parseOptOut('unsubscribed'), parseOptOut(''), parseOptOut('subscribed'), parseOptOut('maybe')]).toEqual([true, true, false, false, undefined]);
  });

  it('validates a row: consent needs a date and a method, text or version; an opt-out needs neither', () => {
    const row = (cells: string[]) => validateRow(cells, 7, ctx());
    expect(row(['600000001', 'Ana', '01/03/2025', 'web form', 'utility', ''])).toEqual({
      ok: true, row: 7, contact: { e164: '+34600000001', name: 'Ana', tags: [] },
      consent: { purposes: ['utility'], occurredAt: '2025-03-01T12:00:00.000Z', method: 'web form' },
    });
    expect(row(['600000001', 'Ana', '', '', '', ''])).toEqual({ ok: true, row: 7, contact: { e164: '+34600000001', name: 'Ana', tags: [] } });
    expect(row(['600000001', '', '01/03/2025', '', '', ''])).toMatchObject({ ok: false, problems: [{ code: 'date_without_evidence' }] });
    expect(row(['600000001', '', '', 'web', '', ''])).toMatchObject({ ok: false, problems: [{ code: 'consent_without_date' }] });
    expect(row(['600000001', '', '2030-01-01', 'web', '', ''])).toMatchObject({ ok: false, problems: [{ code: 'date_future' }] });
    expect(row(['600000001', '', 'soon', 'web', 'sorteos', ''])).toMatchObject({
      ok: false, problems: [{ code: 'purpose_unknown', value: 'sorteos' }, { code: 'date_unreadable', value: 'soon' }],
    });
    expect(row(['600000001', '', 'soon', '', 'whatever', 'yes'])).toMatchObject({ ok: true, optOut: ['marketing', 'utility'] });
  });
});

describe('merging rows of the same number', () => {
  const valid = (row: number, e164: string, extra: Partial<ValidRow> = {}): ValidRow => ({
    ok: true, row, contact: { e164, name: `N${row}`, tags: [`t${row}`] }, ...extra,
  });
  it('keeps the later name, every tag, one consent per purpose (latest date) and lets an opt-out win', () => {
    const [a, b] = mergeByPhone([
      valid(1, '+34600000001', { consent: { purposes: ['marketing'], occurredAt: '2025-01-01T12:00:00.000Z', method: 'web' } }),
      valid(2, '+34600000002', { consent: { purposes: ['marketing', 'utility'], occurredAt: '2025-01-01T12:00:00.000Z' } }),
      valid(3, '+34600000001', { consent: { purposes: ['marketing'], occurredAt: '2025-02-01T12:00:00.000Z', method: 'paper' } }),
      valid(4, '+34600000002', { optOut: ['marketing'] }),
    ]);
    expect(a).toMatchObject({ rows: [1, 3], name: 'N3', tags: ['t1', 't3'], confirm: { marketing: { row: 3, method: 'paper' } } });
    expect(b).toMatchObject({ rows: [2, 4], revoke: { marketing: { row: 4 } }, confirm: { utility: { row: 2 } }, droppedByOptOut: [{ row: 2, purpose: 'marketing' }] });
    expect(b!.confirm.marketing).toBeUndefined();
  });
});
