import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Owner-only modes for everything the app keeps: contacts, consent evidence and backups are personal data, and the
 * PC may have other user accounts. POSIX only: on Windows modes are ignored (the profile folder's ACL protects it).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';

/** Creates a folder (and missing parents) owner-only, and tightens it if it already existed. */
export async function mkdirPrivate(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) await fs.chmod(dir, PRIVATE_DIR_MODE);
}

/** Makes an open file owner-only (open()'s mode only applies to new files, and the umask narrows it). */
export async function makeHandlePrivate(handle: fs.FileHandle): Promise<void> {
  if (POSIX) await handle.chmod(PRIVATE_FILE_MODE);
}

/**
 * Tightens a folder made by an older version (0755, files 0644): the folder becomes 0700 and its files 0600, and so do
 * sub-folders down to `depth` levels (backups are one level down). Entries that vanish meanwhile are skipped.
 */
export async function tightenTree(dir: string, depth = 0): Promise<void> {
  if (!POSIX) return;
  await fs.chmod(dir, PRIVATE_DIR_MODE).catch(ignoreMissing);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isFile()) await fs.chmod(full, PRIVATE_FILE_MODE).catch(ignoreMissing);
    else if (entry.isDirectory() && depth > 0) await tightenTree(full, depth - 1);
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
