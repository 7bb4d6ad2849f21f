import fs from 'node:fs/promises';
import path from 'node:path';
import { listBackups, pruneBackups, writeBackup, type BackupInfo, type BackupKind, type CopyControl } from './backup';
import { CollectionStore, type CollectionOptions, type StoreFile, type StoredRecord } from './collection-store';
import { isSecretsFile } from './data-location';
import { StoreError } from './errors';
import { EventLog, type EventLogOptions } from './event-log';
import { pathExists, writeSmallFileAtomic } from './fs-atomic';
import { acquireLock, LOCK_FILE } from './lock-file';
import { Mutex } from './mutex';
import { mkdirPrivate, tightenTree } from './permissions';
import { finishInterruptedRestore, restoreBackup } from './restore';

/** One schema step: brings the data from the previous version to `version`. Must be safe to run again after a crash. */
export interface Migration {
  version: number;
  description?: string;
  migrate: (store: DataStore) => Promise<void>;
}

/** Options for {@link DataStore.open}. */
export interface DataStoreOptions {
  /** The data folder (created if missing). Only store files should live in it, plus documents to back up with it. */
  dir: string;
  /** Where backups go (default `<dir>-backups`, beside the data folder). */
  backupDir?: string;
  /** Clock in ms (default Date.now). */
  now?: () => number;
  /** All migrations the app knows, in any order; the highest version is the app's schema version. */
  migrations?: readonly Migration[];
  /** Default compaction threshold for collections (bytes of journal). */
  compactAfterBytes?: number;
  /** Default index checkpoint threshold for event logs (bytes appended). */
  checkpointAfterBytes?: number;
  /** Failures of background compaction/checkpoints (data is safe; they are retried). */
  onBackgroundError?: (error: unknown) => void;
}

type Owned = { holdMaintenance(): Promise<() => void>; backupFiles(): StoreFile[]; close(): Promise<void> };

const SCHEMA_FILE = 'schema.json';
const DAY_MS = 24 * 60 * 60 * 1000;
const openDirs = new Set<string>();

/**
 * A data folder: single-writer lock, schema version with migrations, named collections and event logs, and
 * consistent backups. The main process opens exactly one per folder and is its only writer.
 */
export class DataStore {
  private readonly owned = new Map<string, Promise<Owned>>();
  private readonly backupMutex = new Mutex();
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly backupDir: string,
    private version: number,
    private readonly options: DataStoreOptions,
    private readonly releaseLock: () => Promise<void>,
  ) {}

  /** Opens the folder: finishes an interrupted restore, takes the lock, runs pending migrations (after a backup). */
  static async open(options: DataStoreOptions): Promise<DataStore> {
    const dir = path.resolve(options.dir);
    const now = options.now ?? Date.now;
    if (openDirs.has(dir)) throw new StoreError('already_open', `The data folder ${dir} is already open in this process.`);
    openDirs.add(dir);
    let release: (() => Promise<void>) | undefined;
    try {
      await finishInterruptedRestore(dir);
      await mkdirPrivate(dir);
      release = await acquireLock(dir, now);
      const current = await readSchemaVersion(dir);
      const migrations = [...(options.migrations ?? [])].sort((a, b) => a.version - b.version);
      const latest = migrations[migrations.length - 1]?.version ?? 0;
      if (current > latest) {
        throw new StoreError('schema_too_new', `The data is from a newer version of the app (schema ${current} > ${latest}). Update the app.`);
      }
      const backupDir = path.resolve(options.backupDir ?? `${dir}-backups`);
      // Folders and files written by older versions were 0755/0644: owner-only from now on, backups included.
      await tightenTree(dir);
      if (await pathExists(backupDir)) await tightenTree(backupDir, 1);
      const store = new DataStore(dir, backupDir, current, options, release);
      const pending = migrations.filter((migration) => migration.version > current);
      if (pending.length > 0 && (await hasData(dir))) await store.backup('pre-migration');
      for (const migration of pending) {
        try {
          await migration.migrate(store);
        } catch (error) {
          await store.close();
          throw new StoreError('migration_failed', `Migration to schema ${migration.version} failed: ${String(error)}`, { cause: error });
        }
        await writeSmallFileAtomic(path.join(dir, SCHEMA_FILE), JSON.stringify({ version: migration.version }));
        store.version = migration.version;
      }
      if (!(await pathExists(path.join(dir, SCHEMA_FILE)))) {
        await writeSmallFileAtomic(path.join(dir, SCHEMA_FILE), JSON.stringify({ version: store.version }));
      }
      return store;
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'migration_failed')) {
        openDirs.delete(dir);
        await release?.();
      }
      throw error;
    }
  }

  /** Replaces the data folder with a validated backup; the folder must be closed. Old data is kept aside. */
  static async restore(input: { dir: string; backupPath: string; now?: () => number }): Promise<{ previousDir: string | undefined }> {
    const dir = path.resolve(input.dir);
    if (openDirs.has(dir)) throw new StoreError('already_open', `Close the data folder ${dir} before restoring a backup.`);
    return restoreBackup({ dir, backupPath: input.backupPath, now: input.now ?? Date.now });
  }

  /** The schema version of the data. */
  get schemaVersion(): number {
    return this.version;
  }

  /** Opens (once) the named collection; later calls return the same instance whatever the options. */
  collection<T extends StoredRecord>(name: string, options: CollectionOptions = {}): Promise<CollectionStore<T>> {
    return this.own(`collection:${name}`, () =>
      CollectionStore.open<T>(this.dir, name, {
        compactAfterBytes: this.options.compactAfterBytes,
        now: this.now,
        onBackgroundError: this.options.onBackgroundError,
        ...options,
      }),
    ) as Promise<CollectionStore<T>>;
  }

  /** Opens (once) the named event log; later calls return the same instance whatever the options. */
  eventLog<T extends object>(name: string, options: EventLogOptions<T>): Promise<EventLog<T>> {
    return this.own(`log:${name}`, () =>
      EventLog.open<T>(this.dir, name, {
        checkpointAfterBytes: this.options.checkpointAfterBytes,
        now: this.now,
        onBackgroundError: this.options.onBackgroundError,
        ...options,
      }),
    ) as Promise<EventLog<T>>;
  }

  /**
   * Copies the folder into a new backup: every acknowledged write up to one instant, nothing after it. Compaction
   * and checkpoints wait meanwhile; appends do not.
   */
  backup(kind: BackupKind = 'manual', control: CopyControl = {}): Promise<BackupInfo> {
    return this.backupAt(kind, this.now(), control);
  }

  private backupAt(kind: BackupKind, createdAt: number, control: CopyControl = {}): Promise<BackupInfo> {
    return this.backupMutex.run(async () => {
      this.assertOpen();
      const stores = await Promise.all(this.owned.values());
      const releases = await Promise.all(stores.map((store) => store.holdMaintenance()));
      try {
        const files = stores.flatMap((store) => store.backupFiles());
        const known = new Set(files.map((file) => path.basename(file.file)));
        for (const entry of await fs.readdir(this.dir, { withFileTypes: true })) {
          if (!entry.isFile() || known.has(entry.name) || entry.name === LOCK_FILE || entry.name.endsWith('.tmp')) continue;
          // Secrets never go into a backup, even if a vault was (wrongly) kept in the data folder.
          if (isSecretsFile(entry.name)) continue;
          files.push({ file: path.join(this.dir, entry.name), length: undefined });
        }
        return await writeBackup({ files, backupDir: this.backupDir, kind, createdAt, schemaVersion: this.version }, control);
      } finally {
        for (const release of releases) release();
      }
    });
  }

  /** Backups of this folder, newest first. */
  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.backupDir);
  }

  /** Deletes all but the newest `keep` automatic backups; returns the deleted paths. */
  pruneBackups(keep = 14): Promise<string[]> {
    return pruneBackups(this.backupDir, keep, 'auto');
  }

  /** Makes the day's automatic backup if none exists for this local calendar day, then keeps the last `keep`. */
  async maybeDailyBackup(now = this.now(), keep = 14): Promise<BackupInfo | undefined> {
    const today = new Date(now).toDateString();
    const autos = (await this.listBackups()).filter((backup) => backup.kind === 'auto');
    const done = autos.some((backup) => new Date(backup.createdAt).toDateString() === today && now - backup.createdAt < DAY_MS);
    if (done) return undefined;
    const info = await this.backupAt('auto', now);
    await this.pruneBackups(keep);
    return info;
  }

  /** Closes every collection and log (waiting for their writes), then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backupMutex.run(async () => {
      const results = await Promise.allSettled(this.owned.values());
      for (const result of results) if (result.status === 'fulfilled') await result.value.close();
    });
    await this.releaseLock();
    openDirs.delete(this.dir);
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  private own(key: string, open: () => Promise<Owned>): Promise<Owned> {
    this.assertOpen();
    let opened = this.owned.get(key);
    if (!opened) {
      opened = open();
      this.owned.set(key, opened);
      opened.catch(() => this.owned.delete(key));
    }
    return opened;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `The data folder ${this.dir} is closed.`);
  }
}

async function readSchemaVersion(dir: string): Promise<number> {
  try {
    const value = JSON.parse(await fs.readFile(path.join(dir, SCHEMA_FILE), 'utf8')) as { version?: unknown };
    if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 0) {
      throw new StoreError('corrupt', `${path.join(dir, SCHEMA_FILE)} has no valid version.`);
    }
    return value.version;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    if (error instanceof StoreError) throw error;
    throw new StoreError('corrupt', `${path.join(dir, SCHEMA_FILE)} cannot be read: ${String(error)}`, { cause: error });
  }
}

async function hasData(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir);
  return entries.some((name) => !name.startsWith(LOCK_FILE) && name !== SCHEMA_FILE && !name.endsWith('.tmp'));
}
