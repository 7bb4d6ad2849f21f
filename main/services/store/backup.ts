import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from './errors';
import { fsyncDir, pathExists, renameWithRetry, writeAll } from './fs-atomic';
import type { StoreFile } from './collection-store';
import { makeHandlePrivate, mkdirPrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './permissions';

/** Why a backup was made: automatic ones are pruned, the others are kept until deleted. */
export type BackupKind = 'auto' | 'manual' | 'pre-migration';

/** A backup on disk, as listed from its manifest. */
export interface BackupInfo {
  path: string;
  kind: BackupKind;
  createdAt: number;
  schemaVersion: number;
  /** Total bytes of the data files. */
  bytes: number;
}

interface Manifest {
  format: typeof FORMAT;
  version: 1;
  kind: BackupKind;
  createdAt: number;
  schemaVersion: number;
  files: { name: string; bytes: number; sha256: string }[];
}

const FORMAT = 'outreach-desk/backup';
/** The manifest file inside a backup folder. */
export const MANIFEST = 'manifest.json';
const KINDS: readonly BackupKind[] = ['auto', 'manual', 'pre-migration'];

/** Progress and cancel of a long copy. */
export interface CopyControl {
  /** Bytes copied so far and in all; called after every chunk. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between chunks with a `cancelled` StoreError; nothing of the unfinished backup is left behind. */
  signal?: AbortSignal;
}

/**
 * Copies the given files (each up to its acknowledged length) into a new backup folder with a manifest of sizes and
 * SHA-256 sums. Built in a hidden temp folder and renamed at the end, so a backup either exists whole or not at all.
 */
export async function writeBackup(
  input: {
    files: readonly StoreFile[];
    backupDir: string;
    kind: BackupKind;
    createdAt: number;
    schemaVersion: number;
  },
  control: CopyControl = {},
): Promise<BackupInfo> {
  await mkdirPrivate(input.backupDir);
  const stamp = new Date(input.createdAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let name = `${input.kind}-${stamp}`;
  for (let n = 2; await pathExists(path.join(input.backupDir, name)); n++) name = `${input.kind}-${stamp}-${n}`;
  const temp = path.join(input.backupDir, `.tmp-${name}`);
  await fs.rm(temp, { recursive: true, force: true });
  await fs.mkdir(temp, { mode: PRIVATE_DIR_MODE });
  const files: Manifest['files'] = [];
  try {
    const total = await totalBytes(input.files);
    let before = 0;
    for (const source of input.files) {
      const fileName = path.basename(source.file);
      const base = before;
      const copied = await copyPrefix(source.file, path.join(temp, fileName), source.length, {
        signal: control.signal,
        onProgress: control.onProgress && ((done) => control.onProgress!(Math.min(total, base + done), total)),
      });
      if (copied) files.push({ name: fileName, ...copied });
      before += copied?.bytes ?? 0;
    }
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
  const manifest: Manifest = {
    format: FORMAT,
    version: 1,
    kind: input.kind,
    createdAt: input.createdAt,
    schemaVersion: input.schemaVersion,
    files,
  };
  const manifestHandle = await fs.open(path.join(temp, MANIFEST), 'w', PRIVATE_FILE_MODE);
  await manifestHandle.writeFile(JSON.stringify(manifest, null, 2));
  await manifestHandle.sync();
  await manifestHandle.close();
  await fsyncDir(temp);
  const final = path.join(input.backupDir, name);
  await renameWithRetry(temp, final);
  await fsyncDir(input.backupDir);
  return infoOf(final, manifest);
}

/** Checks a backup completely (manifest, every size and checksum); returns its manifest or throws `backup_invalid`. */
export async function validateBackup(backupPath: string): Promise<Manifest> {
  const manifest = await readManifest(backupPath);
  for (const file of manifest.files) {
    const sum = await hashFile(path.join(backupPath, file.name)).catch(() => undefined);
    if (!sum) throw invalid(backupPath, `the file ${file.name} is missing`);
    if (sum.bytes !== file.bytes || sum.sha256 !== file.sha256) throw invalid(backupPath, `the file ${file.name} is damaged`);
  }
  return manifest;
}

/** Reads a backup's manifest; throws `backup_invalid` when it is not a backup of this app. */
export async function readManifest(backupPath: string): Promise<Manifest> {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(backupPath, MANIFEST), 'utf8')) as Partial<Manifest>;
  } catch {
    throw invalid(backupPath, 'it has no readable manifest');
  }
  const filesOk =
    Array.isArray(manifest.files) &&
    manifest.files.every(
      (file) =>
        typeof file?.name === 'string' &&
        file.name === path.basename(file.name) &&
        !file.name.startsWith('.') &&
        typeof file.bytes === 'number' &&
        typeof file.sha256 === 'string',
    );
  if (
    manifest.format !== FORMAT ||
    manifest.version !== 1 ||
    !KINDS.includes(manifest.kind as BackupKind) ||
    typeof manifest.createdAt !== 'number' ||
    typeof manifest.schemaVersion !== 'number' ||
    !filesOk
  ) {
    throw invalid(backupPath, 'its manifest is not an Outreach Desk backup manifest');
  }
  return manifest as Manifest;
}

/** Backups in a folder, newest first; folders without a valid manifest (and unfinished temp folders) are ignored. */
export async function listBackups(backupDir: string): Promise<BackupInfo[]> {
  const entries = await fs.readdir(backupDir, { withFileTypes: true }).catch(() => []);
  const infos: BackupInfo[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = path.join(backupDir, entry.name);
    const manifest = await readManifest(full).catch(() => undefined);
    if (manifest) infos.push(infoOf(full, manifest));
  }
  return infos.sort((a, b) => b.createdAt - a.createdAt || b.path.localeCompare(a.path));
}

/** Deletes all but the newest `keep` backups of a kind (automatic ones by default); returns the deleted paths. */
export async function pruneBackups(backupDir: string, keep = 14, kind: BackupKind = 'auto'): Promise<string[]> {
  const doomed = (await listBackups(backupDir)).filter((backup) => backup.kind === kind).slice(keep);
  for (const backup of doomed) await fs.rm(backup.path, { recursive: true, force: true });
  return doomed.map((backup) => backup.path);
}

/** Copies a backup's data files into `target` (created), fsync'd, checking each checksum again while copying. */
export async function copyBackupFiles(backupPath: string, manifest: Manifest, target: string): Promise<void> {
  await mkdirPrivate(target);
  for (const file of manifest.files) {
    const copied = await copyPrefix(path.join(backupPath, file.name), path.join(target, file.name), undefined);
    if (!copied || copied.sha256 !== file.sha256) throw invalid(backupPath, `the file ${file.name} changed while restoring`);
  }
  await fsyncDir(target);
}

function infoOf(backupPath: string, manifest: Manifest): BackupInfo {
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  return { path: backupPath, kind: manifest.kind, createdAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, bytes };
}

function invalid(backupPath: string, why: string): StoreError {
  return new StoreError('backup_invalid', `${backupPath} cannot be restored: ${why}.`);
}

/** What the files will take: acknowledged lengths, or the current size of files without one. */
async function totalBytes(files: readonly StoreFile[]): Promise<number> {
  let total = 0;
  for (const file of files) total += file.length ?? (await fs.stat(file.file).then((st) => st.size, () => 0));
  return total;
}

/** Copies the first `length` bytes (all when undefined) and fsyncs; `undefined` when the source is gone. */
async function copyPrefix(
  source: string,
  target: string,
  length: number | undefined,
  control: CopyControl = {},
): Promise<{ bytes: number; sha256: string } | undefined> {
  const input = await fs.open(source, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!input) return undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    // Backups hold the same personal data as the folder: owner-only too, and so is what a restore copies back.
    const output = await fs.open(target, 'w', PRIVATE_FILE_MODE);
    try {
      await makeHandlePrivate(output);
      const limit = length ?? (await input.stat()).size;
      const buffer = Buffer.allocUnsafe(1 << 20);
      while (bytes < limit) {
        if (control.signal?.aborted) throw new StoreError('cancelled', 'The backup was cancelled; nothing was kept of it.');
        const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, limit - bytes), bytes);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await writeAll(output, chunk);
        bytes += bytesRead;
        control.onProgress?.(bytes, limit);
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
