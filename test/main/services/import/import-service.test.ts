import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../../../shared/contract/import';
import { ImportService } from '../../../../main/services/import/import-service';
import { openHarness } from '../../../support/app-harness';
import { generateImportCsv } from './generate-csv';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function shop() {
  const h = await openHarness();
  close = h.close;
  const saved = await h.dispatch('profile:save', { businessName: 'Tienda Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  expect(saved.ok).toBe(true);
  return h;
}

/** Opts these numbers out of both purposes at the counter, as a STOP would. */
async function optOut(h: Awaited<ReturnType<typeof shop>>, phones: string[]) {
  const seeded = await h.services.ledger.ensureContacts(phones.map((phone) => ({ phone })));
  await h.services.ledger.recordMany(
    seeded.map(({ record }) => ({
      contactId: record.id,
      drafts: (['marketing', 'utility'] as const).map((purpose) => ({
        type: 'revoked' as const, purpose, method: 'staff' as const, source: 'counter', recordedBy: 'Marta',
        evidence: { staffMember: 'Marta' }, occurredAt: '2023-06-01T10:00:00.000Z',
      })),
    })),
  );
}

async function run(h: Awaited<ReturnType<typeof shop>>, args: Record<string, unknown>): Promise<ImportSummary> {
  const result = await h.dispatch('import:run', args, web);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportSummary;
}

describe('CSV import through the real dispatcher and ledger', () => {
  it('imports a 10,000-row file with mixed formats, bad rows and prior opt-outs, then changes nothing on a second run', async () => {
    const h = await shop();
    const file = generateImportCsv(10_000);
    await optOut(h, file.priorOptOuts);

    const preview = await h.dispatch('import:preview', { text: file.text, fileName: 'clientes.csv' }, web);
    if (!preview.ok) throw new Error(preview.error.message);
    const shown = preview.value as ImportPreview;
    expect(shown.mapping).toEqual({ phone: 0, name: 1, tags: 2, consentDate: 3, consentMethod: 4, consentTextVersion: 5, purpose: 6, optOut: 7 });
    expect(shown.counts.errors).toBe(file.badRows.length);

    const args = { text: file.text, fileName: 'clientes.csv', mapping: shown.mapping, attester: 'Lucía (owner)' };
    const first = await run(h, args);
    expect(first).toMatchObject({
      total: 10_000,
      created: file.expected.created,
      updated: file.expected.updated,
      confirmed: file.expected.confirmed,
      revoked: file.expected.revoked,
      duplicates: file.expected.duplicates,
      alreadyRecorded: file.expected.alreadyRecorded,
      cancelled: false,
    });
    expect(first.skippedOptedOut).toHaveLength(file.expected.skippedOptedOut);
    expect(first.errors.map((e) => e.row)).toEqual(file.badRows);
    expect(new Set(first.errors.flatMap((e) => e.problems.map((p) => p.code)))).toEqual(
      new Set(['phone_invalid', 'phone_missing', 'phone_scientific', 'date_unreadable', 'purpose_unknown', 'consent_without_date']),
    );
    expect(first.errors.find((e) => e.problems[0]?.code === 'phone_invalid')?.reason).toMatch(/phone number "abc" cannot be used: it has no digits/);

    // Nobody who had opted out is subscribed again.
    for (const phone of file.priorOptOuts) {
      const record = h.services.ledger.findByPhone(phone)!;
      expect(record.derived.marketing.state).toBe('opted_out');
      expect(record.derived.utility.state).toBe('opted_out');
    }
    const events = h.services.ledger.eventCount;
    const second = await run(h, { ...args, fileName: 'clientes (copia).csv' });
    expect(second).toMatchObject({ created: 0, updated: 0, confirmed: 0, revoked: 0, cancelled: false });
    expect(second.errors).toHaveLength(file.badRows.length);
    expect(h.services.ledger.eventCount).toBe(events);
  });

  it('records evidence for an imported consent and never re-subscribes a revoked contact', async () => {
    const h = await shop();
    await optOut(h, ['+34600000002']);
    const text = [
      'phone,name,opt-in date,method,consent text,purpose,opted out',
      '+34 600 000 001,Ana,2025-03-01,web form,Yes I want offers from Tienda Sol,marketing,',
      '600000002,Luis,2025-03-02,in store,,marketing,',
      '0034600000003,Marta,,,,,',
      '600 000 004,Pere,,,,,yes',
      '600000001,Ana María,2025-02-01,paper,,marketing,',
    ].join('\n');
    const s = await run(h, { text, fileName: 'list.csv', mapping: { phone: 0, name: 1, consentDate: 2, consentMethod: 3, consentText: 4, purpose: 5, optOut: 6 }, attester: 'Lucía' });
    expect(s).toMatchObject({ created: 3, updated: 1, confirmed: 1, revoked: 2, duplicates: 1 });
    expect(s.skippedOptedOut).toEqual([{ row: 2, phone: '+34600000002', purpose: 'marketing' }]);

    const ana = h.services.ledger.findByPhone('+34600000001')!;
    expect(ana.name).toBe('Ana María');
    expect(ana.derived.marketing.state).toBe('opted_in');
    const { events } = await h.services.ledger.history(ana.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'confirmed', method: 'import', source: 'list.csv', occurredAt: '2025-03-01T12:00:00.000Z', recordedBy: 'Lucía',
      textShown: 'Yes I want offers from Tienda Sol',
      evidence: { fileName: 'list.csv', row: 1, attester: 'Lucía', note: 'Consent method in the file: web form' },
    });
    expect(h.services.ledger.findByPhone('+34600000003')!.derived.marketing.state).toBe('none');
    expect(h.services.ledger.findByPhone('+34600000004')!.derived.utility.state).toBe('opted_out');
    expect(h.services.ledger.findByPhone('+34600000002')!.derived.marketing.state).toBe('opted_out');
  });

  it('stops between batches when cancelled and reports what was written; a later run finishes the rest', async () => {
    const h = await shop();
    const file = generateImportCsv(3_000);
    await optOut(h, file.priorOptOuts);
    const progress: ImportProgress[] = [];
    let clock = Date.parse('2025-06-01T00:00:00Z');
    const imports: ImportService = new ImportService({
      ledger: h.services.ledger,
      defaultCountry: () => 'ES',
      // Each reading of the clock is a second later, so every progress report gets through the 100 ms throttle.
      now: () => new Date((clock += 1000)),
      batchSize: 500,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === 'writing' && p.created > 0) imports.cancel('cancel-test-1');
      },
    });
    const mapping = { phone: 0, name: 1, tags: 2, consentDate: 3, consentMethod: 4, consentTextVersion: 5, purpose: 6, optOut: 7 };
    const s = await imports.run({ text: file.text, fileName: 'big.csv', mapping, attester: 'Lucía', importId: 'cancel-test-1' });
    expect(s.cancelled).toBe(true);
    expect(s.created).toBeGreaterThan(0);
    expect(s.created).toBeLessThan(file.expected.created);
    expect(h.services.ledger.size).toBe(file.priorOptOuts.length + s.created);
    expect(progress.map((p) => p.phase)).toContain('checking');
    expect(progress.at(-1)).toMatchObject({ importId: 'cancel-test-1', phase: 'done', created: s.created, total: 3_000 });

    const rest = await imports.run({ text: file.text, fileName: 'big.csv', mapping, attester: 'Lucía' });
    expect(rest.cancelled).toBe(false);
    expect(rest.created + s.created).toBe(file.expected.created);
    expect(rest.confirmed + s.confirmed).toBe(file.expected.confirmed);
    expect(await h.dispatch('import:cancel', { importId: 'not-running' }, web)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a mapping that is not in the file, and an empty file', async () => {
    const h = await shop();
    const text = 'phone\n600000001\n';
    const badMapping = await h.dispatch('import:run', { text, fileName: 'a.csv', mapping: { phone: 0, name: 3 }, attester: 'L' }, web);
    expect(badMapping).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'mapping.name' } });
    const empty = await h.dispatch('import:preview', { text: '  ', fileName: 'a.csv' }, web);
    expect(empty).toMatchObject({ ok: false, error: { message: 'The file is empty.' } });
  });
});
