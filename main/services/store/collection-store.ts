import fs from 'node:fs/promises';
import { StoreError } from './errors';
import {
  assertStoreName,
  journalPath,
  listJournalGens,
  readSnapshot,
  snapshotPath,
  writeSnapshot,
  type StoredRecord,
} from './collection-files';
import { Journal, type JournalOpenReport } from './journal';
import { Mutex } from './mutex';

export type { StoredRecord } from './collection-files';

/** Options for {@link CollectionStore.open}. */
export interface CollectionOptions {
  /** Compact into a new snapshot once the journal passes this many bytes (default 8 MiB). */
  compactAfterBytes?: number;
  /** Clock, for naming kept damaged journal tails. */
  now?: () => number;
  /** Background compaction failures (the data stays safe in the journal; compaction is retried later). */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Keep upserted records as given (frozen) instead of a parsed copy of their JSON. Only for an owner that builds a
   * fresh JSON-plain object (no undefined members, no Dates) for every write and never changes it afterwards: the
   * copy was half the cost of writing a hundred thousand contacts.
   */
  adoptRecords?: boolean;
}

/** A file of the collection and how many of its bytes make a consistent copy (all of it when undefined). */
export interface StoreFile {
  file: string;
  length: number | undefined;
}

/**
 * A keyed collection held in memory and persisted as snapshot + journal. Writes are applied in memory at once and
 * resolve when fsync'd; compaction switches to a new journal and writes the snapshot of that instant in the
 * background, so writes made meanwhile are never lost, and each step is crash-safe.
 * Records are stored as their JSON form (frozen): do not mutate them, upsert a new object.
 */
export class CollectionStore<T extends StoredRecord> {
  private readonly maintenance = new Mutex();
  /** Size of the last snapshot written or read; sets when the journal is worth compacting. */
  private snapshotBytes = 0;
  private compaction: Promise<void> | undefined;
  private exclusive: Promise<void> | undefined;
  private closed = false;
  private deferrals = 0;
  /** Write-aheads between their write and their apply or discard. */
  private readonly aheads = new Set<Promise<void>>();

  private constructor(
    readonly dir: string,
    readonly name: string,
    private records: Map<string, T>,
    private journal: Journal,
    private gen: number,
    private staleGens: number[],
    private readonly options: CollectionOptions,
    /** What opening found in each journal (torn tails cut, skipped lines). */
    readonly openReports: JournalOpenReport[],
  ) {}

  /** Loads the snapshot and replays the journals after it; creates the collection when absent. */
  static async open<T extends StoredRecord>(dir: string, name: string, options: CollectionOptions = {}): Promise<CollectionStore<T>> {
    assertStoreName(name);
    const snapshot = snapshotPath(dir, name);
    await fs.rm(`${snapshot}.tmp`, { force: true });
    let gens = await listJournalGens(dir, name);
    let nextGen = 0;
    const records = new Map<string, T>();
    try {
      const loaded = await readSnapshot(snapshot, name);
      nextGen = loaded.nextGen;
      for (const record of loaded.records) records.set(record.id, Object.freeze(record) as T);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (gens.length > 0) {
        throw new StoreError('corrupt', `The ${name} snapshot is missing but its journals exist. Restore a backup.`);
      }
      await writeSnapshot(snapshot, name, [], 0);
    }
    for (const gen of gens.filter((g) => g < nextGen)) await fs.rm(journalPath(dir, name, gen), { force: true });
    gens = gens.filter((g) => g >= nextGen);
    if (gens.length === 0) gens = [nextGen];
    const apply = (entry: object) => applyEntry(records, entry);
    const reports: JournalOpenReport[] = [];
    for (const gen of gens.slice(0, -1)) {
      const old = await Journal.open(journalPath(dir, name, gen), { onRecord: apply, now: options.now });
      reports.push(old.report);
      await old.close();
    }
    const activeGen = gens[gens.length - 1]!;
    const journal = await Journal.open(journalPath(dir, name, activeGen), { onRecord: apply, now: options.now });
    reports.push(journal.report);
    const store = new CollectionStore(dir, name, records, journal, activeGen, gens.slice(0, -1), options, reports);
    store.snapshotBytes = (await fs.stat(snapshot)).size;
    if (gens.length > 1) store.scheduleCompaction();
    return store;
  }

  /** Number of records. */
  get size(): number {
    return this.records.size;
  }

  /** Bytes in the current journal (compaction resets it). */
  get journalBytes(): number {
    return this.journal.endOffset;
  }

  /** The record with this id. */
  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** True when a record has this id. */
  has(id: string): boolean {
    return this.records.has(id);
  }

  /** Every record, in insertion order. */
  values(): IterableIterator<T> {
    return this.records.values();
  }

  /** A copy of every record, in insertion order. */
  all(): T[] {
    return Array.from(this.records.values());
  }

  /** Inserts or replaces one record; resolves once it is on disk. */
  upsert(record: T): Promise<void> {
    return this.upsertMany([record]);
  }

  /** Inserts or replaces records in one durable write (all or none on a crash boundary per line). */
  upsertMany(records: readonly T[]): Promise<void> {
    this.assertOpen();
    if (this.exclusive) return this.exclusive.then(() => this.upsertMany(records));
    let prepared: { lines: string[]; stored: T[] };
    try {
      prepared = this.prepare(records);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const record of prepared.stored) this.records.set(record.id, record);
    return this.write(prepared.lines);
  }

  /**
   * Upserts that reach the disk before they are applied in memory: for a write that must be durable before another
   * one (the ledger writes contacts ahead of their events) but must not be seen until that one is durable too.
   * Resolves once the lines are on disk, with `apply` to make the records current or `discard` to leave memory as it
   * was (a discarded line still replays at the next open: its owner must repair it then). Compaction waits until one
   * of them is called (backups do not); the caller must not write the same ids meanwhile.
   */
  async writeAhead(records: readonly T[]): Promise<{ apply: () => void; discard: () => void }> {
    this.assertOpen();
    if (this.exclusive) await this.exclusive;
    const { lines, stored } = this.prepare(records);
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.aheads.add(settled);
    const finish = (keep: boolean) => {
      if (!this.aheads.delete(settled)) return;
      if (keep) for (const record of stored) this.records.set(record.id, record);
      settle();
    };
    try {
      await this.write(lines);
    } catch (error) {
      finish(false);
      throw error;
    }
    return { apply: () => finish(true), discard: () => finish(false) };
  }

  /** Removes a record (a tombstone in the journal); resolves with whether it existed, once on disk. */
  async delete(id: string): Promise<boolean> {
    this.assertOpen();
    if (this.exclusive) await this.exclusive;
    const existed = this.records.delete(id);
    if (existed) await this.write([JSON.stringify({ d: id })]);
    return existed;
  }

  /** Writes a snapshot of now and drops the journal; writes made meanwhile go to the next journal. */
  compact(): Promise<void> {
    this.compaction ??= this.maintenance
      .run(() => this.rotate(undefined))
      .finally(() => {
        this.compaction = undefined;
      });
    return this.compaction;
  }

  /**
   * Holds off automatic compaction until the returned function is called; compaction then runs once if due. For bulk
   * writes: an import would otherwise snapshot the growing collection again every few megabytes.
   */
  deferCompaction(): () => void {
    this.deferrals++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.deferrals--;
      this.maybeCompact();
    };
  }

  /** Replaces the whole content atomically (for migrations); other writes wait until it is done. */
  replaceAll(records: readonly T[]): Promise<void> {
    this.assertOpen();
    const next = new Map<string, T>();
    for (const record of records) {
      if (typeof record?.id !== 'string' || record.id === '') {
        return Promise.reject(new StoreError('invalid_record', `A ${this.name} record needs a non-empty string id.`));
      }
      next.set(record.id, Object.freeze(JSON.parse(JSON.stringify(record))) as T);
    }
    const done = this.maintenance.run(() => this.rotate(next));
    this.exclusive = done.then(
      () => undefined,
      () => undefined,
    );
    void this.exclusive.then(() => {
      this.exclusive = undefined;
    });
    return done;
  }

  /** Blocks compaction (for a consistent backup) until the returned function is called. */
  holdMaintenance(): Promise<() => void> {
    return this.maintenance.lock();
  }

  /** The files and acknowledged lengths that make a consistent copy now (call while maintenance is held). */
  backupFiles(): StoreFile[] {
    return [
      { file: snapshotPath(this.dir, this.name), length: undefined },
      ...this.staleGens.map((gen) => ({ file: journalPath(this.dir, this.name, gen), length: undefined })),
      { file: this.journal.path, length: this.journal.size },
    ];
  }

  /** Waits for pending writes and compaction, then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.compaction;
    await this.exclusive;
    this.closed = true;
    await this.journal.close();
  }

  /** Journal lines and the frozen records to keep; throws on a record without an id. */
  private prepare(records: readonly T[]): { lines: string[]; stored: T[] } {
    const lines: string[] = [];
    const stored: T[] = [];
    for (const record of records) {
      if (typeof record?.id !== 'string' || record.id === '') {
        throw new StoreError('invalid_record', `A ${this.name} record needs a non-empty string id.`);
      }
      // Stringified with its wrapper in one go: a template around the record's JSON is copied again on write.
      const line = JSON.stringify({ p: record });
      lines.push(line);
      stored.push(Object.freeze(this.options.adoptRecords ? record : (JSON.parse(line) as { p: T }).p));
    }
    return { lines, stored };
  }

  private write(lines: string[]): Promise<void> {
    return this.journal.appendLines(lines).then(() => this.maybeCompact());
  }

  private maybeCompact(): void {
    if (this.deferrals > 0) return;
    // Without an explicit threshold, let the journal grow to a quarter of the snapshot: rewriting an 80 MB
    // snapshot every 8 MB of changes made a 100k-row import write over a gigabyte, while a quarter keeps the
    // journal replayed at start small next to the snapshot itself.
    const limit = this.options.compactAfterBytes ?? Math.max(8 * 1024 * 1024, this.snapshotBytes / 4);
    if (this.journal.endOffset >= limit) this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    if (this.compaction || this.closed) return;
    setImmediate(() => {
      if (this.closed) return;
      this.compact().catch((error: unknown) => this.options.onBackgroundError?.(error));
    });
  }

  /** Switches to a new journal and snapshots either the state at that instant or `replacement`. */
  private async rotate(replacement: Map<string, T> | undefined): Promise<void> {
    if (this.closed) return;
    const gen = this.gen + 1;
    const next = await Journal.open(journalPath(this.dir, this.name, gen), { now: this.options.now });
    // A snapshot of memory taken while a write-ahead is pending would lack its records, whose journal is then deleted.
    // From here to the switch below nothing yields, so none can start in between.
    while (this.aheads.size > 0) await Promise.all(this.aheads);
    const previous = this.journal;
    const previousGens = [...this.staleGens, this.gen];
    let records: T[];
    if (replacement) {
      // Nothing is written meanwhile (writers wait on `exclusive`): the new content becomes true at the rename.
      await previous.idle();
      records = Array.from(replacement.values());
      await writeSnapshot(snapshotPath(this.dir, this.name), this.name, records, gen);
      this.records = replacement;
    } else {
      // The instant of the switch is the cut: earlier writes are in `previous`, later ones in `next`.
      records = Array.from(this.records.values());
    }
    this.journal = next;
    this.gen = gen;
    this.staleGens = previousGens;
    await previous.close();
    if (!replacement) await writeSnapshot(snapshotPath(this.dir, this.name), this.name, records, gen);
    this.snapshotBytes = (await fs.stat(snapshotPath(this.dir, this.name))).size;
    this.staleGens = [];
    for (const old of previousGens) await fs.rm(journalPath(this.dir, this.name, old), { force: true });
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `The ${this.name} collection is closed.`);
  }
}

function applyEntry<T extends StoredRecord>(records: Map<string, T>, entry: object): void {
  const value = entry as { p?: T; d?: unknown };
  if (value.p && typeof value.p === 'object' && typeof value.p.id === 'string') {
    records.set(value.p.id, Object.freeze(value.p));
  } else if (typeof value.d === 'string') {
    records.delete(value.d);
  }
}
