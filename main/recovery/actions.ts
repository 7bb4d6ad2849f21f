import { rename } from 'node:fs/promises';
import path from 'node:path';
import { VAULT_FILES } from '../services/secret-vault';
import { listBackups, validateBackup, type BackupInfo } from '../services/store/backup';
import { pathExists, writeSmallFileAtomic } from '../services/store/fs-atomic';

/*
 * What the recovery window's buttons do to files, in plain Node (no electron), so each is tested against a real
 * folder. They work without the services: those are exactly what failed to start.
 */

/** DataStore's default backup folder beside the data folder (DataStore.open: `${dir}-backups`). */
export function backupFolderOf(dataDir: string): string {
  return path.resolve(`${dataDir}-backups`);
}

/** Backups that can be restored, newest first; a missing or unreadable backup folder is simply no backups. */
export async function restorableBackups(dataDir: string): Promise<BackupInfo[]> {
  return listBackups(backupFolderOf(dataDir)).catch(() => []);
}

/**
 * Asks for a restore at the next start, as Settings → Backups does: the same pending-restore.json that
 * BackupService.applyPendingRestore carries out before anything opens the folder. Only a backup from the list is
 * accepted (never a path the page made up), and only one that validates completely.
 */
export async function requestRestoreAtNextStart(dataDir: string, backupPath: string, now: () => Date = () => new Date()): Promise<void> {
  const known = (await restorableBackups(dataDir)).find((backup) => backup.path === backupPath);
  if (!known) throw new Error('That backup is not in the backup folder any more.');
  await validateBackup(known.path);
  await writeSmallFileAtomic(
    path.join(dataDir, 'pending-restore.json'),
    JSON.stringify({ path: known.path, requestedAt: now().toISOString() }),
  );
}

/**
 * Moves the secrets files out of the way (renamed, never deleted: a damaged file may still hold something worth
 * recovering by hand). The next start finds no secrets and asks for them again. Returns the new names.
 */
export async function setSecretsAside(vaultDir: string, now: () => Date = () => new Date()): Promise<string[]> {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const name of Object.values(VAULT_FILES)) {
    const file = path.join(vaultDir, name);
    if (!(await pathExists(file))) continue;
    const target = path.join(vaultDir, `${name}.set-aside-${stamp}`);
    await rename(file, target);
    moved.push(target);
  }
  return moved;
}
