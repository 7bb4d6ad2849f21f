import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../../../shared/contract/import';
import { openHarness } from '../../../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const CSV = ['phone,name', '600111001,Ana María Pérez', '600111002,Bea', '600111003,Carla', '600111004,'].join('\n');
const base = { text: CSV, fileName: 'clientes.csv' };

/** A shop with three contacts on record: one the file renames, one it names the same (spacing aside), one nameless. */
async function shop() {
  const h = await openHarness();
  close = h.close;
  expect((await h.dispatch('profile:save', { businessName: 'Tienda Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web)).ok).toBe(true);
  await h.services.ledger.ensureContacts([
    { phone: '+34600111001', name: 'Ana García' },
    { phone: '+34600111002', name: ' Bea ' },
    { phone: '+34600111003', name: '' },
    { phone: '+34600111004', name: 'Dani' },
  ]);
  return h;
}

async function preview(h: Awaited<ReturnType<typeof shop>>): Promise<ImportPreview> {
  const result = await h.dispatch('import:preview', base, web);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportPreview;
}

async function run(h: Awaited<ReturnType<typeof shop>>, extra: Record<string, unknown>): Promise<ImportSummary> {
  const p = await preview(h);
  const result = await h.dispatch('import:run', { ...base, mapping: p.mapping, attester: 'Marta', ...extra }, web);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportSummary;
}

const nameOf = (h: Awaited<ReturnType<typeof shop>>, phone: string) => h.services.ledger.findByPhone(phone)?.name;

describe('an import never renames a contact without saying so', () => {
  it('the preview lists every contact on record the file would rename, and only those', async () => {
    const h = await shop();
    const p = await preview(h);
    expect(p.counts.nameChanges).toBe(1);
    expect(p.nameChanges).toEqual([{ row: 1, phone: '+34600111001', current: 'Ana García', incoming: 'Ana María Pérez' }]);
  });

  it('keeps the names on record unless the owner chose the file’s (the default is to keep)', async () => {
    const h = await shop();
    const summary = await run(h, {});
    expect(summary).toMatchObject({ namesKept: 1, namesReplaced: 0 });
    expect(nameOf(h, '+34600111001')).toBe('Ana García');
    expect(nameOf(h, '+34600111002')).toBe('Bea');
    // An empty name on record is filled in: the import adds data, it overwrites none.
    expect(nameOf(h, '+34600111003')).toBe('Carla');
    expect(nameOf(h, '+34600111004')).toBe('Dani');
  });

  it('takes the file’s names when the owner chose so, and says how many', async () => {
    const h = await shop();
    const summary = await run(h, { existingNames: 'replace' });
    expect(summary).toMatchObject({ namesKept: 0, namesReplaced: 1 });
    expect(nameOf(h, '+34600111001')).toBe('Ana María Pérez');
    expect(nameOf(h, '+34600111004')).toBe('Dani');
  });

  it('refuses a choice it does not know', async () => {
    const h = await shop();
    const p = await preview(h);
    const result = await h.dispatch('import:run', { ...base, mapping: p.mapping, attester: 'Marta', existingNames: 'merge' }, web);
    expect(result).toMatchObject({ ok: false, error: { field: 'existingNames' } });
  });
});
