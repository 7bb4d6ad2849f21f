import fs from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, pathExists, renameWithRetry, writeSmallFileAtomic } from './fs-atomic';
import { mkdirPrivate } from './permissions';

/**
 * Where the app keeps its data inside Electron's `userData` folder. `userData` is also Chromium's profile folder
 * (caches, cookies, `Local State`… held open while the app runs) and holds the secrets file: a restore must not rename
 * it, and backups must not copy Chromium's files or the secrets. So the data lives in `<userData>/data` and its
 * backups in `<userData>/data-backups` (DataStore's default `<dir>-backups`); the secrets stay in `userData`.
 */
export const DATA_SUBFOLDER = 'data';

/** Written in `userData` once the data folder is in place: later starts skip the migration. */
const DONE_MARKER = 'data-folder.json';
/** Written in `userData` before the first file moves, with the plan; a start after a kill resumes it. */
const PROGRESS_MARKER = 'data-folder-migration.json';

/**
 * The lowdb documents services keep beside the store files (JsonDocument.open(dataDir, …)); a document added
 * later needs its name here too, or an install from before the data folder would not carry it over.
 */
export const APP_DOCUMENTS: readonly string[] = [
  'settings.json',
  'entry-points.json',
  'templates.json',
  'template-mappings.json',
  'consent-texts.json',
  'remote-requests.json',
  'opt-in-widgets.json',
  'pending-restore.json', // BackupService's restore request
  'schema.json', // DataStore's schema version
  'LOCK', // the lock file of versions before the lock folder (stale by now)
];

/** Collections, event logs and their index checkpoints (see store/index.ts), by the store's name rule. */
const STORE_FILE = /^[a-z0-9][a-z0-9_-]{0,63}\.(snapshot\.jsonl|journal\.\d+\.jsonl|events\.jsonl|events\.jsonl\.idx)$/i;

/** The secret vault's files (secret-vault.ts VAULT_FILES): they stay in userData and never go into a backup. */
export function isSecretsFile(name: string): boolean {
  return /^secrets.*\.json(\.[0-9a-f]+)?(\.tmp)?$/i.test(name);
}

/** True for a file at the top of an old install that belongs to the app (not Chromium's, not the secrets). */
export function isAppDataFile(name: string): boolean {
  if (isSecretsFile(name)) return false;
  // Leftovers: damaged journal tails kept aside, temp files of atomic writes (ours: `x.tmp`, lowdb's: `.x.tmp`).
  const base = name
    .replace(/\.damaged-\d+$/, '')
    .replace(/\.tmp$/, '')
    .replace(/^\.(?=.+\.json$)/, '');
  return APP_DOCUMENTS.includes(base) || STORE_FILE.test(base);
}

interface Plan {
  version: 1;
  startedAt: number;
  files: string[];
  moveBackups: boolean;
}

/**
 * Returns `<userDataDir>/data`, created owner-only. On the first start of an install from before the subfolder, moves
 * the app's own files there (one rename each, so every file is whole in one place or the other), and the old backups
 * folder `<userDataDir>-backups` to `<userDataDir>/data-backups`. The plan is written first and a done marker last: a
 * start after a kill finishes the same plan; a file that already exists at the destination is left where it is
 * (never overwritten, never deleted); Chromium's files and `secrets*.json` are not touched.
 */
export async function prepareDataFolder(userDataDir: string, opts: { now?: () => number } = {}): Promise<string> {
  const now = opts.now ?? Date.now;
  const root = path.resolve(userDataDir);
  const dataDir = path.join(root, DATA_SUBFOLDER);
  if (await pathExists(path.join(root, DONE_MARKER))) {
    await mkdirPrivate(dataDir);
    return dataDir;
  }
  await fs.mkdir(root, { recursive: true });
  await adoptInterruptedRestore(root, dataDir);
  await mkdirPrivate(dataDir);
  const plan = (await readPlan(root)) ?? (await makePlan(root, now));
  if (plan) {
    if (plan.moveBackups) await moveOldBackups(root, dataDir);
    for (const name of plan.files) await moveIfThere(path.join(root, name), path.join(dataDir, name));
    await fsyncDir(dataDir);
    await fsyncDir(root);
  }
  await writeSmallFileAtomic(path.join(root, DONE_MARKER), JSON.stringify({ version: 1, dataDir: DATA_SUBFOLDER, at: now() }));
  await fs.rm(path.join(root, PROGRESS_MARKER), { force: true });
  return dataDir;
}

/** The app's files at the top of `root` (a fresh install has none: no plan). */
async function makePlan(root: string, now: () => number): Promise<Plan | undefined> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && isAppDataFile(entry.name)).map((entry) => entry.name);
  const moveBackups = await pathExists(`${root}-backups`);
  if (files.length === 0 && !moveBackups) return undefined;
  const plan: Plan = { version: 1, startedAt: now(), files: files.sort(), moveBackups };
  await writeSmallFileAtomic(path.join(root, PROGRESS_MARKER), JSON.stringify(plan));
  return plan;
}

async function readPlan(root: string): Promise<Plan | undefined> {
  try {
    const plan = JSON.parse(await fs.readFile(path.join(root, PROGRESS_MARKER), 'utf8')) as Partial<Plan>;
    if (plan.version !== 1 || !Array.isArray(plan.files)) return undefined;
    // Only plain names the plan could have listed: nothing outside the two folders is ever moved.
    const files = plan.files.filter((name): name is string => typeof name === 'string' && isAppDataFile(name) && name === path.basename(name));
    return { version: 1, startedAt: Number(plan.startedAt) || 0, files, moveBackups: plan.moveBackups === true };
  } catch {
    return undefined;
  }
}

async function moveIfThere(from: string, to: string): Promise<void> {
  if (!(await pathExists(from)) || (await pathExists(to))) return;
  await renameWithRetry(from, to);
}

/**
 * Moves `<root>-backups` to `<data>-backups`, where DataStore looks now, and points a pending restore request at the
 * moved backup. Skipped when the new folder already exists (nothing is merged or overwritten).
 */
async function moveOldBackups(root: string, dataDir: string): Promise<void> {
  const oldDir = `${root}-backups`;
  const newDir = `${dataDir}-backups`;
  if ((await pathExists(oldDir)) && !(await pathExists(newDir))) {
    await renameWithRetry(oldDir, newDir);
    await fsyncDir(path.dirname(oldDir));
  }
  // Also after a kill right after the move above: the request may still name the old place.
  for (const requestFile of [path.join(root, 'pending-restore.json'), path.join(dataDir, 'pending-restore.json')]) {
    const request = await fs.readFile(requestFile, 'utf8').then((text) => JSON.parse(text) as { path?: unknown }, () => undefined);
    if (typeof request?.path !== 'string' || !request.path.startsWith(oldDir + path.sep)) continue;
    await writeSmallFileAtomic(requestFile, JSON.stringify({ ...request, path: newDir + request.path.slice(oldDir.length) }));
  }
}

/**
 * Versions before the subfolder restored by renaming `userData` itself; a kill between their two renames left the
 * restored data ready in `<userData>.restoring`. If the data folder does not exist yet and no app data is at the top,
 * that restored copy becomes the data folder.
 */
async function adoptInterruptedRestore(root: string, dataDir: string): Promise<void> {
  const staging = `${root}.restoring`;
  if ((await pathExists(dataDir)) || !(await pathExists(path.join(staging, 'RESTORE_READY')))) return;
  if (await pathExists(path.join(root, 'schema.json'))) return;
  await renameWithRetry(staging, dataDir);
  await fs.rm(path.join(dataDir, 'RESTORE_READY'), { force: true });
  await fsyncDir(root);
}
