import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertStoreName } from './collection-files';
import type { StoreFile } from './collection-store';
import { StoreError } from './errors';
import { EventIndex } from './event-index';
import { writeSmallFileAtomic } from './fs-atomic';
import { Journal, type JournalOpenReport, type JournalPosition } from './journal';
import { Mutex } from './mutex';

/** Options for {@link EventLog.open}. */
export interface EventLogOptions<T> {
  /** The key events are grouped by (e.g. the contact id); must be a non-empty string. */
  key: (event: T) => string;
  /** Fields whose long string values (e.g. `textShown`) are stored once per distinct value and referenced. */
  intern?: readonly string[];
  /** Save the index checkpoint once this many bytes were appended since the last one (default 4 MiB). */
  checkpointAfterBytes?: number;
  /** Clock, for naming kept damaged tails. */
  now?: () => number;
  /** Background checkpoint failures (harmless: the log itself is the truth; opening just reads more). */
  onBackgroundError?: (error: unknown) => void;
}

/** What opening found. */
export interface EventLogOpenReport {
  /** Whether a valid index checkpoint was used (otherwise the whole log was read). */
  fromCheckpoint: boolean;
  journal: JournalOpenReport;
  /** Lines that parsed but were not an event or a text (left in place). */
  unknownLines: number;
}

type Line = { e?: Record<string, unknown>; x?: Record<string, string>; t?: unknown; v?: unknown };

const INTERN_MIN_LENGTH = 48;

/**
 * An append-only, durable event log (JSON lines, never rewritten) with an in-memory index by key. Event bodies stay
 * on disk and are read on demand by `eventsFor`, so opening costs the index checkpoint plus the tail after it, not a
 * parse of the whole log. Appends are group-committed; reads see appended events at once (read-your-writes).
 */
export class EventLog<T extends object> {
  private readonly maintenance = new Mutex();
  private readonly pending = new Map<number, string>();
  private durableCount: number;
  private checkpointed: number;
  private checkpointing: Promise<void> | undefined;
  private closed = false;
  private deferrals = 0;

  private constructor(
    readonly dir: string,
    readonly name: string,
    private readonly journal: Journal,
    private readonly reader: fs.FileHandle,
    private readonly index: EventIndex,
    checkpointedBytes: number,
    private readonly options: EventLogOptions<T>,
    /** What opening found (checkpoint used, torn tail cut). */
    readonly openReport: EventLogOpenReport,
  ) {
    this.durableCount = index.count;
    this.checkpointed = checkpointedBytes;
  }

  /** Opens (or creates) the log `<dir>/<name>.events.jsonl`, using its index checkpoint when valid. */
  static async open<T extends object>(dir: string, name: string, options: EventLogOptions<T>): Promise<EventLog<T>> {
    assertStoreName(name);
    const dataFile = path.join(dir, `${name}.events.jsonl`);
    const indexFile = `${dataFile}.idx`;
    await fs.rm(`${indexFile}.tmp`, { force: true });
    const checkpoint = await loadCheckpoint(indexFile, dataFile, options.key);
    const index = checkpoint?.index ?? new EventIndex();
    const dataLength = checkpoint?.dataLength ?? 0;
    let unknownLines = 0;
    const journal = await Journal.open(dataFile, {
      fromOffset: dataLength,
      now: options.now,
      onRecord: (record, position) => {
        if (!indexLine(index, record as Line, position, options.key)) unknownLines += 1;
      },
    });
    const reader = await fs.open(dataFile, 'r');
    const report = { fromCheckpoint: checkpoint !== undefined, journal: journal.report, unknownLines };
    const log = new EventLog<T>(dir, name, journal, reader, index, dataLength, options, report);
    log.maybeCheckpoint();
    return log;
  }

  /** Number of events. */
  get size(): number {
    return this.index.count;
  }

  /** Keys that have at least one event. */
  keys(): readonly string[] {
    return this.index.keys();
  }

  /** How many events a key has. */
  countFor(key: string): number {
    return this.index.eventsOf(key).length;
  }

  /** Appends events in one durable write; resolves once they are on disk. Rejects bad keys before writing. */
  append(events: readonly T[]): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('closed', `The ${this.name} log is closed.`));
    const lines: string[] = [];
    const eventLines: { line: number; key: string }[] = [];
    const newTexts = new Map<string, string>();
    for (const event of events) {
      const key = typeof event === 'object' && event !== null ? this.options.key(event) : undefined;
      if (typeof key !== 'string' || key === '') {
        return Promise.reject(new StoreError('invalid_record', `A ${this.name} event needs a non-empty string key.`));
      }
      let body = event as Record<string, unknown>;
      let refs: Record<string, string> | undefined;
      for (const field of this.options.intern ?? []) {
        const value = body[field];
        if (typeof value !== 'string' || value.length < INTERN_MIN_LENGTH) continue;
        const hash = textHash(value);
        if (!this.index.texts.has(hash) && !newTexts.has(hash)) {
          newTexts.set(hash, value);
          lines.push(JSON.stringify({ t: hash, v: value }));
        }
        // null keeps the field's place, so the event reads back with the same key order.
        body = { ...body, [field]: null };
        (refs ??= {})[field] = hash;
      }
      eventLines.push({ line: lines.length, key });
      lines.push(JSON.stringify(refs ? { e: body, x: refs } : { e: body }));
    }
    let enqueued: { positions: JournalPosition[]; durable: Promise<void> };
    try {
      enqueued = this.journal.enqueueLines(lines);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const [hash, text] of newTexts) this.index.texts.set(hash, text);
    const numbers = eventLines.map(({ line, key }) => {
      const position = enqueued.positions[line]!;
      const n = this.index.add(key, position.offset, position.length);
      this.pending.set(n, lines[line]!);
      return n;
    });
    return enqueued.durable.then(() => {
      for (const n of numbers) this.pending.delete(n);
      this.durableCount = Math.max(this.durableCount, numbers[numbers.length - 1]! + 1);
      this.maybeCheckpoint();
    });
  }

  /** Every event of a key, oldest first, read from disk on demand. */
  async eventsFor(key: string): Promise<T[]> {
    this.assertOpen();
    return Promise.all(this.index.eventsOf(key).map((n) => this.read(n)));
  }

  /** The latest event of a key (e.g. for its hash chain), including one still being written. */
  async lastFor(key: string): Promise<T | undefined> {
    this.assertOpen();
    const numbers = this.index.eventsOf(key);
    return numbers.length === 0 ? undefined : this.read(numbers[numbers.length - 1]!);
  }

  /** Streams every acknowledged event in log order (for exports and rebuilding derived state). */
  async *scan(): AsyncGenerator<T> {
    for await (const { record } of this.journal.entries()) {
      const line = record as Line;
      if (line.e && typeof line.e === 'object') yield this.rehydrate(line);
    }
  }

  /** Saves the index of the acknowledged events so the next open only reads the log after them. */
  checkpoint(): Promise<void> {
    this.checkpointing ??= this.maintenance
      .run(async () => {
        const count = this.durableCount;
        const bytes = this.index.endOf(count);
        if (this.closed || bytes <= this.checkpointed) return;
        await writeSmallFileAtomic(`${this.journal.path}.idx`, this.index.encode(count));
        this.checkpointed = bytes;
      })
      .finally(() => {
        this.checkpointing = undefined;
      });
    return this.checkpointing;
  }

  /**
   * Holds off automatic checkpoints until the returned function is called; one is then saved if due. For bulk
   * appends, which would otherwise re-encode the growing index every few megabytes.
   */
  deferCheckpoints(): () => void {
    this.deferrals++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.deferrals--;
      this.maybeCheckpoint();
    };
  }

  /** Blocks checkpoints (for a consistent backup) until the returned function is called. */
  holdMaintenance(): Promise<() => void> {
    return this.maintenance.lock();
  }

  /** The files and acknowledged lengths that make a consistent copy now (call while maintenance is held). */
  backupFiles(): StoreFile[] {
    return [
      { file: this.journal.path, length: this.journal.size },
      { file: `${this.journal.path}.idx`, length: undefined },
    ];
  }

  /** Waits for pending appends, saves a checkpoint, and closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.journal.idle();
    await this.checkpointing;
    if (!this.journal.failed) await this.checkpoint().catch((error: unknown) => this.options.onBackgroundError?.(error));
    this.closed = true;
    await this.journal.close();
    await this.reader.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `The ${this.name} log is closed.`);
  }

  private maybeCheckpoint(): void {
    const limit = this.options.checkpointAfterBytes ?? 4 * 1024 * 1024;
    if (this.deferrals > 0 || this.checkpointing || this.closed) return;
    if (this.index.endOf(this.durableCount) - this.checkpointed < limit) return;
    setImmediate(() => {
      if (!this.closed) this.checkpoint().catch((error: unknown) => this.options.onBackgroundError?.(error));
    });
  }

  private async read(n: number): Promise<T> {
    const pendingLine = this.pending.get(n);
    if (pendingLine !== undefined) return this.rehydrate(JSON.parse(pendingLine) as Line);
    const { offset, length } = this.index.position(n);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.reader.read(buffer, 0, length, offset);
    try {
      if (bytesRead !== length) throw new Error('short read');
      return this.rehydrate(JSON.parse(buffer.toString('utf8')) as Line);
    } catch (error) {
      throw new StoreError('corrupt', `Event ${n} of ${this.name} at byte ${offset} cannot be read.`, { cause: error });
    }
  }

  private rehydrate(line: Line): T {
    const event = line.e as Record<string, unknown>;
    for (const [field, hash] of Object.entries(line.x ?? {})) {
      const text = this.index.texts.get(hash);
      if (text === undefined) throw new StoreError('corrupt', `Text ${hash} of the ${this.name} log is missing.`);
      event[field] = text;
    }
    return event as T;
  }
}

/** Short content hash naming an interned text. */
function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function indexLine<T>(index: EventIndex, line: Line, position: JournalPosition, keyOf: (event: T) => string): boolean {
  if (typeof line.t === 'string' && typeof line.v === 'string') {
    index.texts.set(line.t, line.v);
    return true;
  }
  if (!line.e || typeof line.e !== 'object') return false;
  const key = keyOf(line.e as T);
  if (typeof key !== 'string' || key === '') return false;
  index.add(key, position.offset, position.length);
  return true;
}

/** A checkpoint is trusted only if it decodes and its last event line is still where it says. */
async function loadCheckpoint<T>(
  indexFile: string,
  dataFile: string,
  keyOf: (event: T) => string,
): Promise<{ index: EventIndex; dataLength: number } | undefined> {
  let decoded: ReturnType<typeof EventIndex.decode>;
  try {
    decoded = EventIndex.decode(await fs.readFile(indexFile));
  } catch {
    return undefined;
  }
  if (!decoded || decoded.index.count === 0) return undefined;
  const { index, dataLength } = decoded;
  const { offset, length } = index.position(index.count - 1);
  const handle = await fs.open(dataFile, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    if (bytesRead !== length || buffer[length - 1] !== 0x0a || offset + length !== dataLength) return undefined;
    const line = JSON.parse(buffer.toString('utf8')) as Line;
    return line.e && keyOf(line.e as T) === index.keyAt(index.count - 1) ? decoded : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
