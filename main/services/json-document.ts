import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { writeSmallFileAtomic } from './store/fs-atomic';
import { mkdirPrivate } from './store/permissions';

/**
 * lowdb's storage for our documents. Not lowdb's JSONFile: its writer neither fsyncs nor sets modes (files came out
 * 0644 with personal data) and renames without the store's Windows retries; this one writes owner-only (0600) with
 * temp + fsync + rename (retried on transient EPERM/EBUSY/EACCES) + folder fsync, like the store's own files.
 */
class PrivateJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    return writeSmallFileAtomic(this.file, JSON.stringify(data, null, 2));
  }
}

/**
 * One small JSON document through lowdb (settings, entry points, templates): a single writer,
 * changes applied one at a time in call order, each resolved once written (temp file + fsync + rename, so a crash
 * leaves the old or the new file, never half of one).
 */
export class JsonDocument<T extends object> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<T>) {}

  /** Opens (or creates) `<dir>/<file>`; stored keys win over defaults, unknown keys are kept. */
  static async open<T extends object>(dir: string, file: string, defaults: () => T): Promise<JsonDocument<T>> {
    await mkdirPrivate(dir);
    // Built by hand, not JSONFilePreset: the preset silently switches to memory under NODE_ENV=test.
    const db = new Low<T>(new PrivateJsonFile<T>(path.join(dir, file)), defaults());
    await db.read();
    db.data = { ...defaults(), ...(db.data ?? {}) };
    return new JsonDocument(db);
  }

  /** The current document; callers must not mutate it (use update). */
  get data(): Readonly<T> {
    return this.db.data;
  }

  /** Applies a change to a copy and swaps it in once written; a throwing change leaves everything as it was. */
  update(change: (draft: T) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const draft = structuredClone(this.db.data);
      change(draft);
      const previous = this.db.data;
      this.db.data = draft;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
