import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataStore, type Migration } from '../../../../main/services/store/data-store';
import { renameWithRetry } from '../../../../main/services/store/fs-atomic';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string; v?: number };
type Ev = { id: string; contactId: string };

const DAY = 24 * 60 * 60 * 1000;

async function setup(options: { migrations?: Migration[]; now?: () => number } = {}) {
  const root = await tempDir();
  const dir = path.join(root, 'data');
  const store = await DataStore.open({ dir, ...options });
  return { root, dir, store };
}

describe('DataStore lock', () => {
  it('refuses a second open in this process, and releases the lock on close', async () => {
    const { dir, store } = await setup();
    await expect(DataStore.open({ dir })).rejects.toMatchObject({ code: 'already_open' });
    await store.close();
    await expect(fs.access(path.join(dir, 'LOCK'))).rejects.toThrow();
    const reopened = await DataStore.open({ dir });
    await reopened.close();
  });
});

describe('DataStore migrations', () => {
  const rename: Migration = {
    version: 2,
    migrate: async (store) => {
      const contacts = await store.collection<Contact>('contacts');
      await contacts.replaceAll(contacts.all().map((c) => ({ ...c, name: c.name.toUpperCase(), v: 2 })));
    },
  };

  it('runs pending migrations in order once, after a pre-migration backup', async () => {
    const ran: number[] = [];
    const { dir, store } = await setup({ migrations: [{ version: 1, migrate: async () => void ran.push(1) }] });
    expect(store.schemaVersion).toBe(1);
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'ana' });
    await store.close();
    const migrations = [rename, { version: 1, migrate: async () => void ran.push(99) }];
    const migrated = await DataStore.open({ dir, migrations });
    expect(migrated.schemaVersion).toBe(2);
    expect((await migrated.collection<Contact>('contacts')).get('a')).toEqual({ id: 'a', name: 'ANA', v: 2 });
    expect((await migrated.listBackups()).map((b) => [b.kind, b.schemaVersion])).toEqual([['pre-migration', 1]]);
    await migrated.close();
    expect(ran).toEqual([1]);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'schema.json'), 'utf8'))).toEqual({ version: 2 });
  });

  it('stops at a failing migration with the version unchanged, and refuses data from a newer app', async () => {
    const { dir, store } = await setup({ migrations: [{ version: 1, migrate: async () => {} }] });
    await store.close();
    const broken: Migration = { version: 2, migrate: async () => Promise.reject(new Error('boom')) };
    await expect(DataStore.open({ dir, migrations: [broken] })).rejects.toMatchObject({ code: 'migration_failed' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'schema.json'), 'utf8'))).toEqual({ version: 1 });
    await expect(DataStore.open({ dir })).rejects.toMatchObject({ code: 'schema_too_new' });
    const fine = await DataStore.open({ dir, migrations: [{ version: 1, migrate: async () => {} }] });
    await fine.close();
  });
});

describe('DataStore backups', () => {
  it('backs up every acknowledged write and restores it, keeping the replaced data aside', async () => {
    let clock = Date.UTC(2025, 0, 10, 12);
    const { dir, store } = await setup({ now: () => clock });
    const contacts = await store.collection<Contact>('contacts');
    const log = await store.eventLog<Ev>('consent', { key: (e) => e.contactId });
    await contacts.upsert({ id: 'a', name: 'Ana' });
    await log.append([{ id: 'e1', contactId: 'a' }]);
    await fs.writeFile(path.join(dir, 'settings.json'), '{"shop":"La Esquina"}');
    const backup = await store.backup();
    expect(backup).toMatchObject({ kind: 'manual', createdAt: clock, schemaVersion: 0 });
    clock += 1000;
    await contacts.upsert({ id: 'b', name: 'Bea' });
    await log.append([{ id: 'e2', contactId: 'a' }]);
    await store.close();

    const { previousDir } = await DataStore.restore({ dir, backupPath: backup.path, now: () => clock });
    const restored = await DataStore.open({ dir });
    expect((await restored.collection<Contact>('contacts')).all()).toEqual([{ id: 'a', name: 'Ana' }]);
    const events = await (await restored.eventLog<Ev>('consent', { key: (e) => e.contactId })).eventsFor('a');
    expect(events.map((e) => e.id)).toEqual(['e1']);
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe('{"shop":"La Esquina"}');
    await expect(DataStore.restore({ dir, backupPath: backup.path })).rejects.toMatchObject({ code: 'already_open' });
    await restored.close();
    const kept = await DataStore.open({ dir: previousDir! });
    expect((await kept.collection<Contact>('contacts')).size).toBe(2);
    await kept.close();
  });

  it('takes a consistent backup while appends keep going', async () => {
    const { dir, store } = await setup();
    const log = await store.eventLog<Ev>('consent', { key: (e) => e.contactId, checkpointAfterBytes: 200 });
    const acked: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let n = 0; !stop; n++) {
        await log.append([{ id: `e${n}`, contactId: `c${n % 5}` }]);
        acked.push(`e${n}`);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const before = acked.length;
    const backup = await store.backup();
    stop = true;
    await writer;
    await store.close();
    await DataStore.restore({ dir, backupPath: backup.path });
    const restored = await DataStore.open({ dir });
    const restoredLog = await restored.eventLog<Ev>('consent', { key: (e) => e.contactId });
    const ids: string[] = [];
    for await (const e of restoredLog.scan()) ids.push(e.id);
    expect(ids.length).toBeGreaterThanOrEqual(before);
    expect(ids).toEqual(acked.slice(0, ids.length));
    await restored.close();
  });

  it('refuses a damaged backup and leaves the data untouched', async () => {
    const { root, dir, store } = await setup();
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    const backup = await store.backup();
    await store.close();
    await fs.appendFile(path.join(backup.path, 'contacts.snapshot.jsonl'), 'x');
    await expect(DataStore.restore({ dir, backupPath: backup.path })).rejects.toMatchObject({ code: 'backup_invalid' });
    await expect(DataStore.restore({ dir, backupPath: root })).rejects.toMatchObject({ code: 'backup_invalid' });
    const same = await DataStore.open({ dir });
    expect((await same.collection<Contact>('contacts')).get('a')).toEqual({ id: 'a', name: 'Ana' });
    await same.close();
  });

  it('makes one automatic backup per day and keeps the last 14', async () => {
    let clock = new Date(2025, 2, 1, 9, 0).getTime();
    const { store } = await setup({ now: () => clock });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    await store.backup('manual');
    let lastAuto = 0;
    for (let day = 0; day < 16; day++) {
      lastAuto = clock;
      expect(await store.maybeDailyBackup()).toMatchObject({ kind: 'auto', createdAt: clock });
      clock += 60 * 60 * 1000;
      expect(await store.maybeDailyBackup()).toBeUndefined();
      clock += DAY - 60 * 60 * 1000;
    }
    const backups = await store.listBackups();
    const autos = backups.filter((b) => b.kind === 'auto');
    expect(autos).toHaveLength(14);
    expect(autos[0]!.createdAt).toBe(lastAuto);
    expect(backups.filter((b) => b.kind === 'manual')).toHaveLength(1);
    expect(await store.pruneBackups(3)).toHaveLength(11);
    await store.close();
  });

  it('finishes a restore that a crash interrupted between its two renames', async () => {
    const { dir, store } = await setup();
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    await store.close();
    await renameWithRetry(dir, `${dir}.restoring`);
    await fs.writeFile(path.join(`${dir}.restoring`, 'RESTORE_READY'), '');
    const reopened = await DataStore.open({ dir });
    expect((await reopened.collection<Contact>('contacts')).get('a')).toEqual({ id: 'a', name: 'Ana' });
    expect(await fs.readdir(dir)).not.toContain('RESTORE_READY');
    await reopened.close();
  });
});
