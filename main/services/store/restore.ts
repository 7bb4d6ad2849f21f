import fs from 'node:fs/promises';
import path from 'node:path';
import { copyBackupFiles, validateBackup } from './backup';
import { isSecretsFile } from './data-location';
import { StoreError } from './errors';
import { fsyncDir, pathExists, renameWithRetry } from './fs-atomic';
import { acquireLock, LOCK_FILE } from './lock-file';
import { PRIVATE_FILE_MODE } from './permissions';

const READY = 'RESTORE_READY';

/**
 * Replaces the data folder with a backup. Validates every file first (nothing is touched if the backup is bad),
 * builds the new folder beside the old one, then swaps them with two renames; the old data is kept aside as
 * `<dir>.before-restore-<time>`. A crash between the renames is finished by {@link finishInterruptedRestore}.
 * The folder must not be open (its lock is taken for the swap).
 */
export async function restoreBackup(input: {
  dir: string;
  backupPath: string;
  now: () => number;
}): Promise<{ previousDir: string | undefined }> {
  const dir = path.resolve(input.dir);
  const validated = await validateBackup(input.backupPath);
  // Backups made before the data folder had its own subfolder may hold the secrets file: it is not brought back into
  // the data folder (the vault lives outside it, and the current secrets stay as they are).
  const manifest = { ...validated, files: validated.files.filter((file) => !isSecretsFile(file.name)) };
  const staging = `${dir}.restoring`;
  await fs.rm(staging, { recursive: true, force: true });
  await copyBackupFiles(input.backupPath, manifest, staging);
  await (await fs.open(path.join(staging, READY), 'w', PRIVATE_FILE_MODE)).close();
  await fsyncDir(staging);
  let previousDir: string | undefined;
  if (await pathExists(dir)) {
    const release = await acquireLock(dir, input.now);
    previousDir = `${dir}.before-restore-${input.now()}`;
    try {
      await keepSecrets(dir, staging);
      await renameWithRetry(dir, previousDir);
    } catch (error) {
      await release();
      throw new StoreError('restore_failed', `Could not move the current data aside: ${String(error)}`, { cause: error });
    }
    // The lock went aside with the old data: stop refreshing it, then drop it there.
    await release();
    await fs.rm(path.join(previousDir, LOCK_FILE), { recursive: true, force: true });
  }
  await renameWithRetry(staging, dir);
  await fs.rm(path.join(dir, READY), { force: true });
  await fsyncDir(path.dirname(dir));
  return { previousDir };
}

/** Completes or discards a restore that a crash interrupted; called before a data folder is opened. */
export async function finishInterruptedRestore(dirInput: string): Promise<void> {
  const dir = path.resolve(dirInput);
  const staging = `${dir}.restoring`;
  if (!(await pathExists(staging))) {
    await fs.rm(path.join(dir, READY), { force: true });
    return;
  }
  if (!(await pathExists(dir)) && (await pathExists(path.join(staging, READY)))) {
    await renameWithRetry(staging, dir);
    await fsyncDir(path.dirname(dir));
  } else {
    await fs.rm(staging, { recursive: true, force: true });
  }
  await fs.rm(path.join(dir, READY), { force: true });
}

/**
 * Where the secret vault lives inside the data folder (OUTREACH_DESK_DATA_DIR keeps the folder self-contained), the
 * current secrets move on with the restored data: backups never hold them, so the restored folder would have none.
 */
async function keepSecrets(dir: string, staging: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const secrets = entries.filter((entry) => entry.isFile() && isSecretsFile(entry.name) && !entry.name.endsWith('.tmp'));
  for (const entry of secrets) {
    const target = path.join(staging, entry.name);
    await fs.copyFile(path.join(dir, entry.name), target);
    if (process.platform !== 'win32') await fs.chmod(target, PRIVATE_FILE_MODE);
  }
  if (secrets.length > 0) await fsyncDir(staging);
}
