import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './app-error';

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
}

/** A secret file in `dir`, protected by `codec`; writes are serialised, atomic and fsync'd. */
export class FileVault implements SecretVault {
  readonly file: string;
  private entries: Map<string, string> | null = null;
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
    return this.mutate((entries) => entries.set(name, this.codec.encode(value)));
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    return this.mutate((entries) => entries.delete(name));
  }

  /** Every stored name (for migration between protections); values stay encoded. */
  async names(): Promise<string[]> {
    return [...(await this.load()).keys()];
  }

  /** Removes the file (after its secrets moved to a better-protected vault). */
  async destroy(): Promise<void> {
    await this.queue;
    this.entries = new Map();
    await rm(this.file, { force: true });
  }

  private mutate(change: (entries: Map<string, string>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const next = new Map(await this.load());
      change(next);
      await writePrivateFile(this.file, serialise(next, this.codec.protection));
      this.entries = next; // only after the write, so a failed write changes nothing
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
    return (this.entries = new Map(Object.entries(doc.entries)));
  }
}

function checkName(name: string): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new AppError('invalid_argument', 'A secret name is a short word of letters, digits, dot, dash or underscore.');
  }
}

function serialise(entries: Map<string, string>, protection: VaultProtection): string {
  const doc: VaultDoc = { format: FORMAT, version: 1, protection, entries: Object.fromEntries(entries) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function parseDoc(raw: string): VaultDoc | null {
  try {
    const doc = JSON.parse(raw) as Partial<VaultDoc>;
    if (doc?.format !== FORMAT || doc.version !== 1 || typeof doc.entries !== 'object' || doc.entries === null) return null;
    if (!Object.values(doc.entries).every((value) => typeof value === 'string')) return null;
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
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
