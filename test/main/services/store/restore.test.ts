import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataStore } from '../../../../main/services/store/data-store';
import { prepareDataFolder } from '../../../../main/services/store/data-location';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string };

/** userData as Electron leaves it: Chromium's profile files (some held open while the app runs) and the secrets. */
async function userDataWithProfile(): Promise<{ userData: string; dataDir: string }> {
  const userData = path.join(await tempDir(), 'Outreach Desk');
  await fs.mkdir(path.join(userData, 'Cache'), { recursive: true });
  await fs.writeFile(path.join(userData, 'Cache', 'data_0'), 'cache');
  await fs.writeFile(path.join(userData, 'Cookies'), 'sqlite');
  await fs.writeFile(path.join(userData, 'secrets-UNPROTECTED.json'), '{"entries":{"token":"s3cret"}}');
  return { userData, dataDir: await prepareDataFolder(userData) };
}

async function listTree(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true })).map(String).sort();
}

describe('restore and backups of the data subfolder', () => {
  it("restores while Chromium holds its files open, touching nothing outside the data folder's own names", async () => {
    const { userData, dataDir } = await userDataWithProfile();
    const store = await DataStore.open({ dir: dataDir });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    const backup = await store.backup();
    await (await store.collection<Contact>('contacts')).upsert({ id: 'b', name: 'Bo' });
    await store.close();
    const profileBefore = (await listTree(userData)).filter((name) => !name.startsWith('data'));
    // Chromium keeps these open for the whole run: on Windows a folder with open files below it cannot be renamed.
    const cache = await fs.open(path.join(userData, 'Cache', 'data_0'), 'r');
    const cookies = await fs.open(path.join(userData, 'Cookies'), 'r');
    try {
      const { previousDir } = await DataStore.restore({ dir: dataDir, backupPath: backup.path, now: () => 5 });
      expect(previousDir).toBe(`${dataDir}.before-restore-5`);
    } finally {
      await cache.close();
      await cookies.close();
    }
    expect((await listTree(userData)).filter((name) => !name.startsWith('data'))).toEqual(profileBefore);
    expect((await fs.readdir(userData)).filter((name) => name.startsWith('data')).sort()).toEqual(
      ['data', 'data-backups', 'data-folder.json', 'data.before-restore-5'].sort(),
    );
    const reopened = await DataStore.open({ dir: dataDir });
    expect((await reopened.collection<Contact>('contacts')).all().map((c) => c.id)).toEqual(['a']);
    await reopened.close();
  });

  it('never puts a secrets file into a backup, nor brings one back from an old backup', async () => {
    const { userData, dataDir } = await userDataWithProfile();
    const store = await DataStore.open({ dir: dataDir });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    // Even a vault wrongly kept in the data folder stays out of the backup.
    await fs.writeFile(path.join(dataDir, 'secrets.json'), '{"entries":{}}');
    const backup = await store.backup();
    expect((await fs.readdir(backup.path)).filter((name) => name.startsWith('secrets'))).toEqual([]);
    await fs.rm(path.join(dataDir, 'secrets.json'));
    await store.close();

    // A backup from before the data subfolder copied the unprotected secrets file; it is valid, but stays out.
    const secrets = '{"entries":{"token":"old"}}';
    await fs.writeFile(path.join(backup.path, 'secrets-UNPROTECTED.json'), secrets);
    const manifestFile = path.join(backup.path, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { files: object[] };
    manifest.files.push({ name: 'secrets-UNPROTECTED.json', bytes: secrets.length, sha256: createHash('sha256').update(secrets).digest('hex') });
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
    await DataStore.restore({ dir: dataDir, backupPath: backup.path });
    expect((await fs.readdir(dataDir)).filter((name) => name.startsWith('secrets'))).toEqual([]);
    expect(await fs.readFile(path.join(userData, 'secrets-UNPROTECTED.json'), 'utf8')).toBe('{"entries":{"token":"s3cret"}}');
  });

  it('keeps the current secrets of a self-contained data folder (vault inside it) across a restore', async () => {
    const dir = path.join(await tempDir(), 'portable');
    const store = await DataStore.open({ dir });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    await fs.writeFile(path.join(dir, 'secrets.json'), '{"entries":{"token":"current"}}');
    const backup = await store.backup();
    await store.close();
    await DataStore.restore({ dir, backupPath: backup.path });
    expect(await fs.readFile(path.join(dir, 'secrets.json'), 'utf8')).toBe('{"entries":{"token":"current"}}');
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
  });
});
