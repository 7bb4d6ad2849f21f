import { afterEach, describe, expect, it } from 'vitest';
import { ConsentLedger, type EventDraft } from '../../../../main/services/consent/ledger';
import type { ContactRecord } from '../../../../main/services/consent/contact-record';
import { DataStore } from '../../../../main/services/store/data-store';
import { verifyChain } from '../../../../shared/domain/consent';
import { tempDir } from '../../../support/temp-dir';

const NOW = new Date('2025-06-01T10:00:00.000Z');
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

async function open(dir: string): Promise<{ ledger: ConsentLedger; close: () => Promise<void> }> {
  const store = await DataStore.open({ dir, now: () => NOW.getTime() });
  const ledger = await ConsentLedger.open({ store, deviceId: 'till-1', now: () => NOW });
  const close = async () => {
    await ledger.close();
    await store.close();
  };
  cleanups.push(close);
  return { ledger, close };
}

const imported = (row: number, purpose: 'marketing' | 'utility' = 'marketing'): EventDraft => ({
  type: 'confirmed', purpose, method: 'import', source: 'list.csv', recordedBy: 'Lucía', occurredAt: '2025-03-01T12:00:00.000Z',
  evidence: { fileName: 'list.csv', row, attester: 'Lucía' },
});

describe('ConsentLedger', () => {
  it('refuses a malformed event with a clear error and writes nothing of the batch', async () => {
    const dir = await folder();
    const { ledger, close } = await open(dir);
    const { record } = await ledger.ensureContact({ phone: '+34600000001', name: 'Ana' });
    const noRow = { ...imported(1), evidence: { fileName: 'list.csv', attester: 'Lucía' } };
    const attempt = ledger.importBatch(
      [{ phone: '+34600000002', name: 'Luis' }, { phone: '+34600000001' }],
      (_record, i) => (i === 0 ? [imported(2)] : [noRow]),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('evidence.row is required for an imported consent (which row of the file)'),
    });
    await expect(ledger.recordMany([{ contactId: record.id, drafts: [imported(1), { ...imported(3), occurredAt: '2025-02-30T10:00:00Z' }] }])).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('occurredAt is not a real date and time'),
    });
    expect(ledger.size).toBe(1);
    expect(ledger.eventCount).toBe(0);
    await close();
    const again = await open(dir);
    expect(again.ledger.size).toBe(1);
    expect(again.ledger.eventCount).toBe(0);
  });

  it('stores what the schema makes of input it has to normalise', async () => {
    const { ledger } = await open(await folder());
    const { record } = await ledger.ensureContact({ phone: '+34600000001' });
    const { events } = await ledger.record(record.id, [{ ...imported(1), source: '  list.csv ', evidence: { fileName: 'list.csv ', row: 1 } }]);
    expect(events[0]).toMatchObject({ source: 'list.csv', evidence: { fileName: 'list.csv', row: 1 } });
  });

  it('imports a batch in one pass: contacts in their final state, events chained, the same after a reopen', async () => {
    const dir = await folder();
    const { ledger, close } = await open(dir);
    const seen: string[] = [];
    ledger.onChange((contact, events) => seen.push(`${contact.phone}:${events.length}`));
    const { record: existing } = await ledger.ensureContact({ phone: '+34600000001', name: '' });
    await ledger.record(existing.id, [imported(9, 'utility')]);
    const result = await ledger.importBatch(
      [
        { phone: '+34600000001', name: 'Ana', tags: ['vip'] },
        { phone: '+34600000002', name: 'Luis', tags: ['online', 'online'] },
        { phone: '+34600000003', name: 'Marta' },
      ],
      (record, i) => (i === 2 ? [] : i === 0 ? [imported(1)] : [imported(2), imported(2, 'utility')]),
    );
    expect(result.map((r) => [r.created, r.updated, r.events.length])).toEqual([
      [false, true, 1],
      [true, false, 2],
      [true, false, 0],
    ]);
    expect(seen).toEqual(['+34600000001:1', '+34600000001:1', '+34600000002:2']);
    const ana = ledger.findByPhone('+34600000001')!;
    expect(ana).toMatchObject({ name: 'Ana', tags: ['vip'], eventCount: 2 });
    expect(ana.derived.marketing.state).toBe('opted_in');
    expect(ana.derived.utility.state).toBe('opted_in');
    const luis = ledger.findByPhone('+34600000002')!;
    expect(luis).toMatchObject({ tags: ['online'], eventCount: 2, head: { id: result[1]!.events[1]!.id } });
    expect((await ledger.history(luis.id)).chain).toEqual({ ok: true });
    expect((await ledger.history(ana.id)).chain).toEqual({ ok: true });
    expect(ledger.search({ text: 'marta', offset: 0, limit: 10 }).records.map((r) => r.phone)).toEqual(['+34600000003']);
    const before = ['+34600000001', '+34600000002', '+34600000003'].map((phone) => ledger.findByPhone(phone));
    await close();
    const again = await open(dir);
    const after = ['+34600000001', '+34600000002', '+34600000003'].map((phone) => again.ledger.findByPhone(phone));
    expect(after).toStrictEqual(before);
  });

  it('repairs contacts written ahead of events that never reached the log, and shows nothing meanwhile', async () => {
    const dir = await folder();
    const { ledger, close } = await open(dir);
    const { record: existing } = await ledger.ensureContact({ phone: '+34600000001', name: 'Ana' });
    const { record: before } = await ledger.record(existing.id, [imported(1)]);
    const events = (ledger as unknown as { events: { append: () => Promise<void> } }).events;
    events.append = () => Promise.reject(new Error('disk full'));
    const seen: ContactRecord[] = [];
    ledger.onChange((contact) => seen.push(contact));
    await expect(
      ledger.importBatch(
        [{ phone: '+34600000001', name: 'Ana María' }, { phone: '+34600000002', name: 'Luis' }],
        () => [imported(2, 'utility')],
      ),
    ).rejects.toThrow('disk full');
    expect(ledger.findByPhone('+34600000001')).toBe(before);
    expect(ledger.findByPhone('+34600000002')).toBeUndefined();
    expect(seen).toEqual([]);
    await close();

    // The contact lines reached the disk ahead of their events, as after a crash between the two writes.
    const { ledger: reopened } = await open(dir);
    const ana = reopened.findByPhone('+34600000001')!;
    expect(ana).toMatchObject({ name: 'Ana María', eventCount: 1, head: before.head });
    expect(ana.derived.marketing.state).toBe('opted_in');
    expect(ana.derived.utility.state).toBe('none');
    const luis = reopened.findByPhone('+34600000002')!;
    expect(luis).toMatchObject({ name: 'Luis', eventCount: 0, head: null });
    expect(luis.derived.utility.state).toBe('none');
    const { events: history } = await reopened.history(ana.id);
    expect(verifyChain(history, { headHash: ana.head!.hash })).toEqual({ ok: true });
  });
});
