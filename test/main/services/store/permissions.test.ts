import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../../../main/services/json-document';
import { DataStore } from '../../../../main/services/store/data-store';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string };
type Ev = { id: string; contactId: string };

/** Modes of every folder and file under `root` (relative path → octal string), the lock's internals left out. */
async function modes(root: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === 'LOCK') continue;
      found[path.relative(root, full)] = ((await fs.stat(full)).mode & 0o777).toString(8);
      if (entry.isDirectory()) await walk(full);
    }
  };
  found['.'] = ((await fs.stat(root)).mode & 0o777).toString(8);
  await walk(root);
  return found;
}

/** Every entry is owner-only: folders 700, files 600. */
async function expectPrivate(root: string): Promise<void> {
  // Windows ignores POSIX modes (only the read-only bit exists); the profile folder's ACL protects the data there.
  if (process.platform === 'win32') return;
  const all = await modes(root);
  for (const [name, mode] of Object.entries(all)) {
    const isDir = (await fs.stat(path.join(root, name))).isDirectory();
    expect(`${name} ${mode}`).toBe(`${name} ${isDir ? '700' : '600'}`);
  }
  expect(Object.keys(all).length).toBeGreaterThan(1);
}

async function fill(store: DataStore): Promise<void> {
  await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
  await (await store.eventLog<Ev>('events', { key: (e) => e.contactId })).append([{ id: 'e1', contactId: 'a' }]);
  await (await store.collection<Contact>('contacts')).compact();
}

describe('data folder permissions', () => {
  it('creates the folder, every store file and every backup owner-only, and a restore keeps them so', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'data');
    const store = await DataStore.open({ dir });
    await fill(store);
    const settings = await JsonDocument.open(dir, 'settings.json', () => ({ shop: 'Shop' }));
    await settings.update((doc) => void (doc.shop = 'Shop 2'));
    const backup = await store.backup();
    await store.close();
    await expectPrivate(dir);
    await expectPrivate(store.backupDir);
    expect(await fs.readdir(backup.path)).toContain('settings.json');

    await DataStore.restore({ dir, backupPath: backup.path });
    await expectPrivate(dir);
  });

  it('tightens a folder, its files and its backups written by an older version (0755 / 0644)', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'data');
    const store = await DataStore.open({ dir });
    await fill(store);
    const backup = await store.backup();
    await store.close();
    for (const folder of [dir, store.backupDir, backup.path]) {
      await fs.chmod(folder, 0o755);
      for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
        if (entry.isFile()) await fs.chmod(path.join(folder, entry.name), 0o644);
      }
    }
    await fs.writeFile(path.join(dir, 'settings.json'), '{}', { mode: 0o644 });
    await fs.chmod(path.join(dir, 'settings.json'), 0o644);
    const reopened = await DataStore.open({ dir });
    await reopened.close();
    await expectPrivate(dir);
    await expectPrivate(store.backupDir);
  });
});
