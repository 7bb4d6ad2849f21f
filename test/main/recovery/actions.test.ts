import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderOf, requestRestoreAtNextStart, restorableBackups, setSecretsAside } from '../../../main/recovery/actions';
import { BackupService } from '../../../main/services/backup-service';
import { FileVault, PLAIN_CODEC, VAULT_FILES } from '../../../main/services/secret-vault';
import { DataStore } from '../../../main/services/store/data-store';
import { tempDir } from '../../support/temp-dir';

let temp: { dir: string; cleanup: () => Promise<void> };
let dataDir: string;
beforeEach(async () => {
  temp = await tempDir('od-recovery-');
  dataDir = path.join(temp.dir, 'data');
});
afterEach(() => temp.cleanup());

/** A data folder with one contact and a backup taken before a second one was added. */
async function folderWithBackup(): Promise<string> {
  const store = await DataStore.open({ dir: dataDir });
  const contacts = await store.collection<{ id: string; name: string }>('contacts');
  await contacts.upsert({ id: 'c1', name: 'Before the backup' });
  const backup = await store.backup('manual');
  await contacts.upsert({ id: 'c2', name: 'After the backup' });
  await store.close();
  return backup.path;
}

describe('restorableBackups', () => {
  it('lists the backups DataStore made beside the data folder, and none when there is no folder', async () => {
    expect(await restorableBackups(dataDir)).toEqual([]);
    const backupPath = await folderWithBackup();
    expect(path.dirname(backupPath)).toBe(backupFolderOf(dataDir));
    expect((await restorableBackups(dataDir)).map((b) => b.path)).toEqual([backupPath]);
  });
});

describe('requestRestoreAtNextStart', () => {
  it('writes the request that the next start carries out before opening anything', async () => {
    const backupPath = await folderWithBackup();
    await requestRestoreAtNextStart(dataDir, backupPath);
    expect(await BackupService.applyPendingRestore(dataDir)).toBe(backupPath);
    const store = await DataStore.open({ dir: dataDir });
    const contacts = await store.collection<{ id: string; name: string }>('contacts');
    expect([...contacts.values()].map((c) => c.id)).toEqual(['c1']);
    await store.close();
  });

  it('refuses a path that is not one of the listed backups', async () => {
    await folderWithBackup();
    const elsewhere = path.join(temp.dir, 'elsewhere');
    await mkdir(elsewhere);
    await expect(requestRestoreAtNextStart(dataDir, elsewhere)).rejects.toThrow(/not in the backup folder/);
    await expect(requestRestoreAtNextStart(dataDir, '/etc')).rejects.toThrow(/not in the backup folder/);
    expect(await BackupService.applyPendingRestore(dataDir)).toBeNull();
  });

  it('refuses a damaged backup before the owner restarts for nothing', async () => {
    const backupPath = await folderWithBackup();
    const [file] = (await readdir(backupPath)).filter((name) => name !== 'manifest.json');
    await writeFile(path.join(backupPath, file!), 'tampered');
    await expect(requestRestoreAtNextStart(dataDir, backupPath)).rejects.toThrow();
    expect(await BackupService.applyPendingRestore(dataDir)).toBeNull();
  });
});

describe('setSecretsAside', () => {
  it('renames the secrets files (never deletes them), so the next start asks for the secrets again', async () => {
    await mkdir(temp.dir, { recursive: true });
    await writeFile(path.join(temp.dir, VAULT_FILES['os-keychain']), '{"format": "outreach-desk-secr');
    await new FileVault(temp.dir, PLAIN_CODEC).set('smtp.password', 'pw');
    const moved = await setSecretsAside(temp.dir, () => new Date('2026-12-06T05:00:00Z'));
    expect(moved.map((file) => path.basename(file)).sort()).toEqual([
      'secrets-UNPROTECTED.json.set-aside-2026-12-06T05-00-00-000Z',
      'secrets.json.set-aside-2026-12-06T05-00-00-000Z',
    ]);
    expect(await readFile(moved.find((f) => f.includes('secrets.json'))!, 'utf8')).toBe('{"format": "outreach-desk-secr');
    expect(await new FileVault(temp.dir, PLAIN_CODEC).get('smtp.password')).toBeNull();
    expect(await setSecretsAside(temp.dir)).toEqual([]);
  });
});
