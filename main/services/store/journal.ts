import fs from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from './errors';
import { fsyncDir, pathExists, writeAll } from './fs-atomic';
import { parseObjectLine, readLineBatches } from './line-reader';
import { PRIVATE_FILE_MODE } from './permissions';

/** Where one appended record sits in the file (the newline included in `length`). */
export interface JournalPosition {
  offset: number;
  length: number;
}

/** What opening found and repaired. */
export interface JournalOpenReport {
  /** Valid records read from `fromOffset` on. */
  records: number;
  /** Bytes cut from the end: a torn last line, or trailing garbage. */
  truncatedBytes: number;
  /** Where a cut tail with whole lines in it was kept for inspection (a torn last line alone is not kept). */
  damagedTailPath: string | undefined;
  /** Unreadable lines in the middle of the file, skipped but left in place. */
  skippedLines: number;
}

/** Options for {@link Journal.open}. */
export interface JournalOpenOptions {
  /** Replay from this byte (a line start known from a checkpoint) instead of 0. */
  fromOffset?: number;
  /** Receives every valid record from `fromOffset` on, in file order. */
  onRecord?: (record: object, position: JournalPosition) => void;
  /** Clock, used to name a kept damaged tail. */
  now?: () => number;
}

interface PendingWrite {
  bytes: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const openPaths = new Set<string>();

/**
 * An append-only JSON-lines file. `append` resolves only after the bytes are fsync'd; appends that arrive while a
 * flush is running are group-committed into the next single write + fsync. Opening tolerates a torn last line
 * (cut off) and never fails on a damaged tail. One instance per file per process (enforced), one process per
 * folder (enforced by the data store's lock file).
 */
export class Journal {
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | undefined;
  private failure: StoreError | undefined;
  private closed = false;
  private durable: number;
  private end: number;

  private constructor(
    readonly path: string,
    private readonly handle: fs.FileHandle,
    size: number,
    readonly report: JournalOpenReport,
  ) {
    this.durable = size;
    this.end = size;
  }

  /** Opens (creating if needed), replays valid records to `onRecord`, cuts a torn or garbage tail, then appends. */
  static async open(filePath: string, options: JournalOpenOptions = {}): Promise<Journal> {
    const resolved = path.resolve(filePath);
    if (openPaths.has(resolved)) {
      throw new StoreError('already_open', `The journal ${resolved} is already open in this process.`);
    }
    openPaths.add(resolved);
    try {
      const existed = await pathExists(resolved);
      const { size, report } = existed
        ? await scanAndRepair(resolved, options)
        : { size: 0, report: { records: 0, truncatedBytes: 0, damagedTailPath: undefined, skippedLines: 0 } };
      const handle = await fs.open(resolved, 'a', PRIVATE_FILE_MODE);
      if (!existed) await fsyncDir(path.dirname(resolved));
      return new Journal(resolved, handle, size, report);
    } catch (error) {
      openPaths.delete(resolved);
      throw error;
    }
  }

  /** Bytes acknowledged on disk. */
  get size(): number {
    return this.durable;
  }

  /** Bytes on disk plus bytes queued (the offset the next appended line will get). */
  get endOffset(): number {
    return this.end;
  }

  /** True once a write or fsync failed: every later append rejects, because memory and disk may differ. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Appends records as JSON lines; resolves with their positions once they are on disk (fsync). */
  append(records: readonly object[]): Promise<JournalPosition[]> {
    return this.appendLines(records.map((record) => JSON.stringify(record)));
  }

  /** Appends already-serialised JSON lines (no newline inside); same guarantees as {@link append}. */
  appendLines(lines: readonly string[]): Promise<JournalPosition[]> {
    try {
      const { positions, durable } = this.enqueueLines(lines);
      return durable.then(() => positions);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Like {@link appendLines}, but tells the positions at once (they are final) and resolves `durable` on fsync. */
  enqueueLines(lines: readonly string[]): { positions: JournalPosition[]; durable: Promise<void> } {
    if (this.closed) throw new StoreError('closed', `The journal ${this.path} is closed.`);
    if (this.failure) throw this.failure;
    const positions: JournalPosition[] = [];
    let total = 0;
    for (const line of lines) {
      const length = Buffer.byteLength(line) + 1;
      positions.push({ offset: this.end + total, length });
      total += length;
    }
    // Encoded straight into one buffer: a buffer per line plus a concat (or a joined string) cost more than the write.
    const bytes = Buffer.alloc(total);
    let at = 0;
    for (const line of lines) {
      at += bytes.write(line, at, 'utf8');
      bytes[at++] = 0x0a;
    }
    this.end += total;
    const durable = new Promise<void>((resolve, reject) => {
      this.pending.push({ bytes, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
    return { positions, durable };
  }

  /** Resolves when nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Streams the acknowledged records from the start of the file (or `from`). */
  async *entries(from = 0): AsyncGenerator<{ record: object; position: JournalPosition }> {
    const reader = await fs.open(this.path, 'r');
    try {
      for await (const batch of readLineBatches(reader, from, this.durable)) {
        for (const line of batch) {
          const record = line.complete ? parseObjectLine(line.bytes) : undefined;
          if (record) yield { record, position: { offset: line.offset, length: line.length } };
        }
      }
    } finally {
      await reader.close();
    }
  }

  /** Waits for queued writes, then closes the file; later appends reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle();
    await this.handle.close();
    openPaths.delete(this.path);
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const bytes = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((write) => write.bytes));
      try {
        await writeAll(this.handle, bytes);
        await this.handle.datasync();
      } catch (error) {
        this.failure = new StoreError('write_failed', `Could not write ${this.path}: ${String(error)}`, { cause: error });
        for (const write of [...batch, ...this.pending]) write.reject(this.failure);
        this.pending = [];
        break;
      }
      this.durable += bytes.length;
      for (const write of batch) write.resolve();
    }
    this.flushing = undefined;
  }
}

async function scanAndRepair(
  filePath: string,
  options: JournalOpenOptions,
): Promise<{ size: number; report: JournalOpenReport }> {
  const from = options.fromOffset ?? 0;
  const handle = await fs.open(filePath, 'r+');
  try {
    const { size: fileSize } = await handle.stat();
    if (from > fileSize) {
      throw new StoreError('corrupt', `Replay offset ${from} is past the end of ${filePath} (${fileSize} bytes).`);
    }
    let goodEnd = from;
    let records = 0;
    let skippedLines = 0;
    let invalidSinceGood = 0;
    for await (const batch of readLineBatches(handle, from, fileSize)) {
      for (const line of batch) {
        const record = line.complete ? parseObjectLine(line.bytes) : undefined;
        if (!record) {
          invalidSinceGood += 1;
          continue;
        }
        skippedLines += invalidSinceGood;
        invalidSinceGood = 0;
        options.onRecord?.(record, { offset: line.offset, length: line.length });
        records += 1;
        goodEnd = line.offset + line.length;
      }
    }
    let damagedTailPath: string | undefined;
    const truncatedBytes = fileSize - goodEnd;
    if (truncatedBytes > 0) {
      const tail = Buffer.alloc(truncatedBytes);
      await handle.read(tail, 0, truncatedBytes, goodEnd);
      if (tail.includes(0x0a)) {
        damagedTailPath = `${filePath}.damaged-${(options.now ?? Date.now)()}`;
        await fs.writeFile(damagedTailPath, tail, { mode: PRIVATE_FILE_MODE });
      }
      await handle.truncate(goodEnd);
      await handle.sync();
    }
    return { size: goodEnd, report: { records, truncatedBytes, damagedTailPath, skippedLines } };
  } finally {
    await handle.close();
  }
}
