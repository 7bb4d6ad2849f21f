import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Profile } from '../../shared/contract/profile';

/** Current shape version of settings.json; bump it and add a migration when the shape changes. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** A salted slow hash of the owner PIN (scrypt parameters kept with it so they can be raised later). */
export interface PinHash {
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

/** Everything small the app keeps in settings.json (secrets live in the vault, not here). */
export interface SettingsDoc {
  schemaVersion: number;
  profile: Profile | null;
  ownerPin: PinHash | null;
  [extra: string]: unknown;
}

const defaults = (): SettingsDoc => ({ schemaVersion: SETTINGS_SCHEMA_VERSION, profile: null, ownerPin: null });

/** settings.json through lowdb: one writer (this object), writes serialised so none is lost. */
export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<SettingsDoc>) {}

  /** Opens (or creates) settings.json in the data folder; lowdb writes atomically via temp file + rename. */
  static async open(dataDir: string): Promise<SettingsStore> {
    await mkdir(dataDir, { recursive: true });
    // Built by hand, not JSONFilePreset: the preset silently switches to memory under NODE_ENV=test.
    const db = new Low<SettingsDoc>(new JSONFile(path.join(dataDir, 'settings.json')), defaults());
    await db.read();
    db.data = { ...defaults(), ...(db.data ?? {}) };
    return new SettingsStore(db);
  }

  /** A snapshot of the document; callers must not mutate it. */
  get data(): Readonly<SettingsDoc> {
    return this.db.data;
  }

  /** Applies a change and resolves once it is on disk; changes run one at a time in call order. */
  update(change: (doc: SettingsDoc) => void): Promise<void> {
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
