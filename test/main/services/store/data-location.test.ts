import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { JsonDocument } from '../../../../main/services/json-document';
import { DataStore } from '../../../../main/services/store/data-store';
import { prepareDataFolder } from '../../../../main/services/store/data-location';
import { tempDir } from './temp-dir';

/** Renames counted and, when `at` is reached, refused as if the process had been killed right there. */
const kill = vi.hoisted(() => ({ at: Infinity, renames: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof real.rename = async (from, to) => {
    if (kill.renames++ >= kill.at) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
    return real.rename(from, to);
  };
  const module = { ...real, rename };
  return { ...module, default: module };
});

type Contact = { id: string; name: string };
type Ev = { id: string; contactId: string };

/** What Chromium and the secret vault keep in userData: must stay exactly where and as it is. */
const FOREIGN: Record<string, string> = {
  'Local State': '{"chromium":1}',
  Preferences: '{"profile":1}',
  Cookies: 'sqlite',
  'Cache/data_0': 'cache',
  'secrets-UNPROTECTED.json': '{"entries":{"token":"s3cret"}}',
  'secrets.json': '{"entries":{}}',
};

/** An install from before the data subfolder: the store, documents and backups written straight into userData. */
async function oldInstall(): Promise<{ userData: string; backupPath: string }> {
  const userData = path.join(await tempDir(), 'Outreach Desk');
  const store = await DataStore.open({ dir: userData });
  const contacts = await store.collection<Contact>('contacts');
  await contacts.upsert({ id: 'a', name: 'Ana' });
  await contacts.compact();
  await contacts.upsert({ id: 'b', name: 'Bo' });
  await (await store.eventLog<Ev>('consent-events', { key: (e) => e.contactId })).append([{ id: 'e1', contactId: 'a' }]);
  await (await JsonDocument.open(userData, 'settings.json', () => ({ shop: 'Shop' }))).update((doc) => void (doc.shop = 'Corner'));
  const backup = await store.backup();
  await store.close();
  await fs.writeFile(path.join(userData, 'pending-restore.json'), JSON.stringify({ path: backup.path, requestedAt: 'x' }));
  for (const [name, content] of Object.entries(FOREIGN)) {
    await fs.mkdir(path.dirname(path.join(userData, name)), { recursive: true });
    await fs.writeFile(path.join(userData, name), content);
  }
  return { userData, backupPath: backup.path };
}

/** name → content of the regular files at the top of a folder. */
async function filesIn(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) found.set(entry.name, await fs.readFile(path.join(dir, entry.name), 'utf8'));
  }
  return found;
}

async function expectForeignUntouched(userData: string): Promise<void> {
  for (const [name, content] of Object.entries(FOREIGN)) {
    expect(await fs.readFile(path.join(userData, name), 'utf8')).toBe(content);
  }
  expect(await fs.readdir(path.join(userData, 'data'))).not.toContain('secrets-UNPROTECTED.json');
}

describe('prepareDataFolder', () => {
  it('gives a fresh install an owner-only data subfolder and moves nothing', async () => {
    const userData = path.join(await tempDir(), 'Outreach Desk');
    const dataDir = await prepareDataFolder(userData, { now: () => 1 });
    expect(dataDir).toBe(path.join(userData, 'data'));
    expect(await fs.readdir(dataDir)).toEqual([]);
    // Windows ignores POSIX modes; the mode is only meaningful elsewhere.
    if (process.platform !== 'win32') expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(await prepareDataFolder(userData)).toBe(dataDir);
  });

  it("moves an old install's own files and backups into the subfolder, leaving Chromium's files and the secrets", async () => {
    const { userData, backupPath } = await oldInstall();
    const before = await filesIn(userData);
    const dataDir = await prepareDataFolder(userData);
    await expectForeignUntouched(userData);
    const moved = await filesIn(dataDir);
    expect([...moved.keys()].sort()).toEqual(
      [...before.keys()].filter((name) => !(name in FOREIGN)).sort(),
    );
    expect([...(await filesIn(userData)).keys()].sort()).toEqual(
      [...Object.keys(FOREIGN).filter((name) => !name.includes('/')), 'data-folder.json'].sort(),
    );
    const store = await DataStore.open({ dir: dataDir });
    expect((await store.collection<Contact>('contacts')).all().map((c) => c.id).sort()).toEqual(['a', 'b']);
    const backups = await store.listBackups();
    expect(backups.map((b) => b.path)).toEqual([path.join(`${dataDir}-backups`, path.basename(backupPath))]);
    await store.close();
    await expect(fs.access(`${userData}-backups`)).rejects.toThrow();
    const request = JSON.parse(await fs.readFile(path.join(dataDir, 'pending-restore.json'), 'utf8')) as { path: string };
    expect(request.path).toBe(backups[0]!.path);
  });

  it('finishes a migration killed at any step, losing and overwriting nothing', async () => {
    const reference = await oldInstall();
    kill.renames = 0;
    await prepareDataFolder(reference.userData);
    const steps = kill.renames;
    expect(steps).toBeGreaterThan(5);
    for (let at = 0; at < steps; at++) {
      const { userData } = await oldInstall();
      const appFiles = await filesIn(userData);
      for (const name of Object.keys(FOREIGN)) appFiles.delete(name);
      kill.renames = 0;
      kill.at = at;
      await expect(prepareDataFolder(userData)).rejects.toThrow('killed');
      kill.at = Infinity;
      // Killed mid-way: every file of the app is whole in exactly one of the two places.
      // (The restore request may already point at the backups' new place.)
      const same = (content: string | undefined) => content?.replace(`${userData}/data-backups`, `${userData}-backups`);
      const top = await filesIn(userData);
      const data = await filesIn(path.join(userData, 'data'));
      for (const [name, content] of appFiles) {
        const found = [top.get(name), data.get(name)].filter((c) => c !== undefined).map(same);
        expect(found, `${name} after kill at ${at}`).toEqual([content]);
      }
      const dataDir = await prepareDataFolder(userData);
      await expectForeignUntouched(userData);
      const after = await filesIn(dataDir);
      for (const [name, content] of appFiles) expect(same(after.get(name)), `${name} after resume from ${at}`).toBe(content);
      expect(after.get('pending-restore.json')).toContain(`${dataDir}-backups`);
      expect((await fs.readdir(`${dataDir}-backups`)).length).toBe(1);
      expect(await fs.readdir(userData)).not.toContain('data-folder-migration.json');
    }
  }, 120_000);

  it('never overwrites a file that is already in the data folder', async () => {
    const { userData } = await oldInstall();
    await fs.mkdir(path.join(userData, 'data'));
    await fs.writeFile(path.join(userData, 'data', 'settings.json'), '{"newer":true}');
    const dataDir = await prepareDataFolder(userData);
    expect(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe('{"newer":true}');
    expect(JSON.parse(await fs.readFile(path.join(userData, 'settings.json'), 'utf8'))).toMatchObject({ shop: 'Corner' });
  });
});
