import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectionStore } from '../../../../main/services/store/collection-store';
import { EventLog } from '../../../../main/services/store/event-log';
import { Journal } from '../../../../main/services/store/journal';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string };

const tick = () => new Promise((resolve) => setImmediate(resolve));
const journals = async (dir: string) => (await fs.readdir(dir)).filter((name) => name.includes('.journal.'));

describe('bulk writes', () => {
  it('holds compaction off while deferred and compacts once when released', async () => {
    const dir = await tempDir();
    const store = await CollectionStore.open<Contact>(dir, 'contacts', { compactAfterBytes: 500 });
    const release = store.deferCompaction();
    for (let n = 0; n < 50; n++) await store.upsert({ id: `c${n}`, name: `name ${n}` });
    await tick();
    await tick();
    expect(await journals(dir)).toEqual(['contacts.journal.0.jsonl']);
    expect(store.journalBytes).toBeGreaterThan(500);
    release();
    release();
    await tick();
    await store.compact();
    expect(await journals(dir)).toEqual(['contacts.journal.1.jsonl']);
    expect(store.journalBytes).toBe(0);
    await store.close();
    const reopened = await CollectionStore.open<Contact>(dir, 'contacts');
    expect(reopened.size).toBe(50);
    await reopened.close();
  });

  it('writes ahead to disk, shows the records only once applied, and keeps compaction waiting meanwhile', async () => {
    const dir = await tempDir();
    const store = await CollectionStore.open<Contact>(dir, 'contacts');
    await store.upsert({ id: 'a', name: 'Ana' });
    // A backup in progress does not hold it up.
    const backup = await store.holdMaintenance();
    const ahead = await store.writeAhead([
      { id: 'a', name: 'Ana María' },
      { id: 'b', name: 'Bea' },
    ]);
    expect(store.get('a')?.name).toBe('Ana');
    expect(store.has('b')).toBe(false);
    expect(await fs.readFile(path.join(dir, 'contacts.journal.0.jsonl'), 'utf8')).toContain('"Bea"');
    backup();
    let compacted = false;
    const compaction = store.compact().then(() => (compacted = true));
    // Long enough for a compaction of two records to finish, had it not waited.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(compacted).toBe(false);
    ahead.apply();
    ahead.discard();
    await compaction;
    expect(store.get('a')?.name).toBe('Ana María');
    expect(store.get('b')?.name).toBe('Bea');
    await store.close();
    const reopened = await CollectionStore.open<Contact>(dir, 'contacts');
    expect(reopened.all().sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'a', name: 'Ana María' },
      { id: 'b', name: 'Bea' },
    ]);
    await reopened.close();
  });

  it('leaves memory as it was after a discarded write-ahead, which replays at the next open for its owner to repair', async () => {
    const dir = await tempDir();
    const store = await CollectionStore.open<Contact>(dir, 'contacts');
    await store.upsert({ id: 'a', name: 'Ana' });
    const ahead = await store.writeAhead([{ id: 'a', name: 'claimed' }]);
    ahead.discard();
    expect(store.get('a')?.name).toBe('Ana');
    await expect(store.writeAhead([{ name: 'no id' } as Contact])).rejects.toMatchObject({ code: 'invalid_record' });
    await store.close();
    const reopened = await CollectionStore.open<Contact>(dir, 'contacts');
    expect(reopened.get('a')?.name).toBe('claimed');
    await reopened.close();
  });

  it('keeps adopted records as given, frozen, and reads back the same after a reopen', async () => {
    const dir = await tempDir();
    const store = await CollectionStore.open<Contact & { tags: string[] }>(dir, 'contacts', { adoptRecords: true });
    const record = { id: 'a', name: 'Ana', tags: ['vip'] };
    await store.upsert(record);
    expect(store.get('a')).toBe(record);
    expect(Object.isFrozen(record)).toBe(true);
    await store.close();
    const reopened = await CollectionStore.open<Contact & { tags: string[] }>(dir, 'contacts');
    expect(reopened.get('a')).toStrictEqual({ id: 'a', name: 'Ana', tags: ['vip'] });
    await reopened.close();
  });

  it('holds event log checkpoints off while deferred and saves one when released', async () => {
    const dir = await tempDir();
    const log = await EventLog.open<{ id: string; contactId: string }>(dir, 'consent', { key: (e) => e.contactId, checkpointAfterBytes: 100 });
    const index = path.join(dir, 'consent.events.jsonl.idx');
    const release = log.deferCheckpoints();
    for (let n = 0; n < 20; n++) await log.append([{ id: `e${n}`, contactId: `c${n % 4}` }]);
    await tick();
    await tick();
    await expect(fs.stat(index)).rejects.toMatchObject({ code: 'ENOENT' });
    release();
    await tick();
    await log.checkpoint();
    expect((await fs.stat(index)).size).toBeGreaterThan(0);
    await log.close();
    const reopened = await EventLog.open<{ id: string; contactId: string }>(dir, 'consent', { key: (e) => e.contactId });
    expect(reopened.openReport.fromCheckpoint).toBe(true);
    expect(reopened.countFor('c1')).toBe(5);
    await reopened.close();
  });

  it('puts lines with multi-byte text where their positions say', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    const records = [{ t: 'Sí, quiero 🍞' }, { t: 'plain' }, { t: 'नमस्ते' }];
    const positions = await journal.append(records);
    const bytes = await fs.readFile(file);
    positions.forEach((position, i) => {
      const line = bytes.subarray(position.offset, position.offset + position.length).toString('utf8');
      expect(line).toBe(`${JSON.stringify(records[i])}\n`);
    });
    expect(journal.size).toBe(bytes.length);
    await journal.close();
  });
});
