import { afterEach, describe, expect, it } from 'vitest';
import { proofPackHtml } from '../../../../main/services/consent/proof-pack';
import { openHarness } from '../../../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('proof pack: what each event did', () => {
  it('a confirmation that cannot reopen a STOP is shown as not applied, not as an opt-in', async () => {
    const h = await openHarness();
    close = h.close;
    await h.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
    const { record } = await h.services.ledger.ensureContact({ phone: '+447400111111', name: 'Jo' });
    const base = { purpose: 'marketing' as const, recordedBy: 'Sam', source: 'test', evidence: { staffMember: 'Sam' } };
    await h.services.ledger.record(record.id, [{ ...base, type: 'confirmed', method: 'staff', occurredAt: '2026-01-01T10:00:00.000Z' }]);
    await h.services.ledger.record(record.id, [{ ...base, type: 'revoked', method: 'staff', occurredAt: '2026-02-01T10:00:00.000Z' }]);
    await h.services.ledger.record(record.id, [
      { ...base, type: 'confirmed', method: 'import', evidence: { fileName: 'list.csv', row: 2, attester: 'Sam' }, occurredAt: '2026-03-01T10:00:00.000Z' },
    ]);
    const exported = (await h.dispatch('export:proofPack', { contactId: record.id }, web)) as any;
    const pack = JSON.parse(exported.value.json);
    expect(pack.events.map((e: any) => e.type)).toEqual(['confirmed', 'revoked', 'confirmed']);
    expect(pack.stateAfter).toEqual(['opted_in', 'opted_out', 'opted_out']);
    expect(pack.contact.consent.marketing.state).toBe('opted_out');
    expect(proofPackHtml(pack)).toContain('3. confirmed — marketing (not applied: still opted_out)');
  });
});
