import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './app-error';
import { renameWithRetry } from './store/fs-atomic';

/*
 * Plain Node (no electron import): the secret file format and its atomic 0600 writes. The encryption
 * itself is a codec handed in, so the OS-keychain vault (vault.ts) and the clearly named unprotected
 * fallback share one tested implementation.
 */

/** How the secrets on disk are protected; Settings shows a warning for 'fallback-plain'. */
export type VaultProtection = 'os-keychain' | 'fallback-plain';

/** Where the app keeps secrets (access token, app secret, webhook verify token). Main process only. */
export interface SecretVault {
  /** The secret, or null when none is stored under that name. */
  get(name: string): Promise<string | null>;
  /** Stores (or replaces) a secret; resolves once it is on disk. */
  set(name: string, value: string): Promise<void>;
  /** Forgets a secret; deleting a missing one is fine. */
  delete(name: string): Promise<void>;
  /** How the stored values are protected. */
  protection(): VaultProtection;
}

/** Turns a secret into what is written to disk and back; `decode` throws when it cannot. */
export interface SecretCodec {
  readonly protection: VaultProtection;
  encode(plain: string): string;
  decode(stored: string): string;
}

/** The unprotected fallback: values are stored as they are (in a 0600 file whose name says so). */
export const PLAIN_CODEC: SecretCodec = {
  protection: 'fallback-plain',
  encode: (plain) => plain,
  decode: (stored) => stored,
};

/** File names in the data folder; the fallback's name warns anyone who finds it. */
export const VAULT_FILES = {
  'os-keychain': 'secrets.json',
  'fallback-plain': 'secrets-UNPROTECTED.json',
} as const satisfies Record<VaultProtection, string>;

const FORMAT = 'outreach-desk-secrets';
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;

interface VaultDoc {
  format: typeof FORMAT;
  version: 1;
  protection: VaultProtection;
  entries: Record<string, string>;
  /**
   * Values this computer account could not decrypt (a keychain reset, or the file came from another computer), set
   * aside by {@link FileVault.setAsideUnreadable}: kept as they were, in case the old keychain comes back, but never
   * read, so the app opens and asks for them again. Setting a secret again drops its old value here.
   */
  unreadable?: Record<string, string>;
}

/** A secret file in `dir`, protected by `codec`; writes are serialised, atomic and fsync'd. */
export class FileVault implements SecretVault {
  readonly file: string;
  private entries: Map<string, string> | null = null;
  private setAside = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly codec: SecretCodec,
  ) {
    this.file = path.join(dir, VAULT_FILES[codec.protection]);
  }

  protection(): VaultProtection {
    return this.codec.protection;
  }

  async get(name: string): Promise<string | null> {
    checkName(name);
    const stored = (await this.load()).get(name);
    if (stored === undefined) return null;
    try {
      return this.codec.decode(stored);
    } catch {
      throw new AppError(
        'secret_unreadable',
        `The saved "${name}" cannot be decrypted on this computer account. Enter it again in Settings.`,
        name,
      );
    }
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    if (typeof value !== 'string') throw new AppError('invalid_argument', 'A secret must be text.', name);
    return this.mutate((entries, setAside) => {
      entries.set(name, this.codec.encode(value));
      setAside.delete(name);
    });
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    return this.mutate((entries, setAside) => {
      entries.delete(name);
      setAside.delete(name);
    });
  }

  /** Every stored name (for migration between protections); values stay encoded. */
  async names(): Promise<string[]> {
    return [...(await this.load()).keys()];
  }

  /** Names of the secrets that could not be decrypted here and wait to be entered again. */
  async unreadable(): Promise<string[]> {
    await this.load();
    return [...this.setAside.keys()].sort();
  }

  /**
   * Moves every value this computer account cannot decrypt out of the way (see {@link VaultDoc.unreadable}), so
   * reading it gives "not set" instead of an error that would stop the app from starting. Returns every name that
   * waits to be entered again (also those set aside by an earlier start).
   */
  async setAsideUnreadable(): Promise<string[]> {
    const entries = await this.load();
    const failing = [...entries].filter(([, stored]) => !this.decodes(stored)).map(([name]) => name);
    if (failing.length > 0) {
      await this.mutate((next, setAside) => {
        for (const name of failing) {
          const stored = next.get(name);
          if (stored === undefined) continue;
          setAside.set(name, stored);
          next.delete(name);
        }
      });
    }
    return this.unreadable();
  }

  private decodes(stored: string): boolean {
    try {
      this.codec.decode(stored);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes the file (after its secrets moved to a better-protected vault). */
  async destroy(): Promise<void> {
    await this.queue;
    this.entries = new Map();
    this.setAside = new Map();
    await rm(this.file, { force: true });
  }

  private mutate(change: (entries: Map<string, string>, setAside: Map<string, string>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const next = new Map(await this.load());
      const nextAside = new Map(this.setAside);
      change(next, nextAside);
      await writePrivateFile(this.file, serialise(next, this.codec.protection, nextAside));
      // Only after the write, so a failed write changes nothing.
      this.entries = next;
      this.setAside = nextAside;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.entries) return this.entries;
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.entries = new Map());
      throw error;
    }
    const doc = parseDoc(raw);
    if (!doc || doc.protection !== this.codec.protection) {
      throw new AppError(
        'vault_unreadable',
        `The secrets file ${path.basename(this.file)} is damaged. Move it away and enter the Cloud API secrets again.`,
      );
    }
    this.setAside = new Map(Object.entries(doc.unreadable ?? {}));
    return (this.entries = new Map(Object.entries(doc.entries)));
  }
}

function checkName(name: string): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new AppError('invalid_argument', 'A secret name is a short word of letters, digits, dot, dash or underscore.');
  }
}

function serialise(entries: Map<string, string>, protection: VaultProtection, setAside: Map<string, string>): string {
  const doc: VaultDoc = { format: FORMAT, version: 1, protection, entries: Object.fromEntries(entries) };
  if (setAside.size > 0) doc.unreadable = Object.fromEntries(setAside);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function parseDoc(raw: string): VaultDoc | null {
  try {
    const doc = JSON.parse(raw) as Partial<VaultDoc>;
    if (doc?.format !== FORMAT || doc.version !== 1 || typeof doc.entries !== 'object' || doc.entries === null) return null;
    if (!Object.values(doc.entries).every((value) => typeof value === 'string')) return null;
    if (doc.unreadable !== undefined) {
      if (typeof doc.unreadable !== 'object' || doc.unreadable === null) return null;
      if (!Object.values(doc.unreadable).every((value) => typeof value === 'string')) return null;
    }
    return doc as VaultDoc;
  } catch {
    return null;
  }
}

/** Writes a file readable by its owner only: temp file (0600) + fsync + rename, so a crash leaves old or new. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temp, 0o600); // open()'s mode is narrowed by the umask; make it exactly owner read/write
    await renameWithRetry(temp, file); // Windows: an antivirus or indexer may hold the file for a moment
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
