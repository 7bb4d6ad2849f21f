import { afterEach, describe, expect, it } from 'vitest';
import { busyState } from '../../../main/services/update-policy';
import { openHarness } from '../../support/app-harness';
import { generateImportCsv } from './import/generate-csv';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('busy state for updates, read from the real services', () => {
  it('reports an import as running while it writes, and idle before and after', async () => {
    const h = await openHarness();
    close = h.close;
    const saved = await h.dispatch('profile:save', { businessName: 'Tienda Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, { transport: 'web-bridge' });
    expect(saved.ok).toBe(true);
    expect(busyState(h.services)).toEqual({ campaignSending: false, importRunning: false });

    const seen: boolean[] = [];
    const unlisten = h.services.bus.listen((event, payload) => {
      if (event === 'import:progress' && (payload as { phase: string }).phase === 'writing') seen.push(busyState(h.services).importRunning);
    });
    const file = generateImportCsv(600);
    const mapping = { phone: 0, name: 1, tags: 2, consentDate: 3, consentMethod: 4, consentTextVersion: 5, purpose: 6, optOut: 7 };
    const summary = await h.services.imports.run({ text: file.text, fileName: 'list.csv', mapping, attester: 'Lucía' });
    unlisten();

    expect(summary.created).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
    expect(busyState(h.services)).toEqual({ campaignSending: false, importRunning: false });
  });
});
