import { randomUUID } from 'node:crypto';
import nodeFs from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreError } from './errors';

/** The name of the lock inside a data folder: a folder (older versions left a plain file, which is stale). */
export const LOCK_FILE = 'LOCK';
/** Who holds the lock, written inside the lock folder once it is ours. */
const OWNER_FILE = 'owner.json';
/** A lock not refreshed for this long belongs to a process that is gone or hung (proper-lockfile's mtime rule). */
const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
/** A takeover claim older than this was left by a process that died while taking over; it is cleared. */
const CLAIM_STALE_MS = 10_000;
const STALE_SIGNAL = 'ESTALE_LOCK_TAKEOVER';

interface LockOwner {
  pid: number;
  host: string;
  at: number;
  token: string;
}

interface LockView {
  ino: number;
  mtimeMs: number;
  owner: LockOwner | undefined;
  /** No owner file at all: the lock is being released or taken over (a held lock always has one). */
  ownerMissing: boolean;
}

/** Lock folders this process holds: a lock naming our own pid is only stale when it is not one of these. */
const heldHere = new Set<string>();

/**
 * Takes the single-writer lock of a folder with proper-lockfile: the `LOCK` folder is created atomically (with its
 * owner file already inside) and its mtime is refreshed every 2 s while held, so a lock nobody refreshed for 10 s is
 * stale whatever process now has its pid (issue 11 item 2: a reused pid no longer blocks start-up for ever). A
 * lock whose holder on this computer has exited is stale at once. Taking over a stale lock is atomic: the taker first
 * claims that very lock (inode, mtime and owner) with an exclusive mkdir, checks it is still the same lock, and only
 * then removes it, so two processes starting together can never both win (proper-lockfile's own takeover could
 * remove a lock another process had just taken). A live holder is a `locked` error. Returns the release function.
 */
export async function acquireLock(
  dir: string,
  now: () => number,
  options: { onCompromised?: (error: Error) => void } = {},
): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, LOCK_FILE);
  await removeLegacyLockFile(lockPath);
  await clearAbandonedClaims(dir);
  for (let attempt = 0; attempt < 50; attempt++) {
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), at: now(), token: randomUUID() };
    const state = { held: false, owner };
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(dir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        retries: 0,
        fs: guardedFs(state),
        onCompromised: (error) =>
          (options.onCompromised ?? ((e) => console.error(`The lock of the data folder ${dir} was lost:`, e.message)))(error),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED' && code !== STALE_SIGNAL) throw error;
      const view = await inspect(lockPath);
      if (!view) continue;
      if (isStale(view, lockPath)) {
        await takeOver(lockPath, view);
        continue;
      }
      throw lockedError(dir, view.owner);
    }
    state.held = true;
    heldHere.add(lockPath);
    return async () => {
      heldHere.delete(lockPath);
      await release().catch((error: NodeJS.ErrnoException) => {
        // Already released, or the folder moved away with the lock in it (a restore): nothing left to release.
        if (error.code !== 'ERELEASED' && error.code !== 'ENOTACQUIRED' && error.code !== 'ENOENT') throw error;
      });
    };
  }
  throw new StoreError('locked', `Could not take the lock of ${dir}; other processes keep taking it. Close the other copies of the app.`);
}

/**
 * The fs proper-lockfile works through (our `node:fs`, so tests can swap the file system). Three changes: the lock
 * folder appears with its owner file already in it (so a kill can never leave a lock nobody can be judged by);
 * removing a lock we do not hold is refused (we take over stale locks ourselves, atomically); and releasing ours
 * removes the owner file first so the folder can go.
 */
function guardedFs(state: { held: boolean; owner: LockOwner }) {
  const removeOwned = (target: string, callback: (error: NodeJS.ErrnoException | null) => void) =>
    nodeFs.rm(path.join(target, OWNER_FILE), { force: true }, () => nodeFs.rmdir(target, callback));
  return {
    ...nodeFs,
    mkdir(target: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      createLockFolder(target, state.owner).then(
        () => callback(null),
        (error: NodeJS.ErrnoException) => callback(error),
      );
    },
    rmdir(target: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      if (!state.held) {
        callback(Object.assign(new Error('A stale lock is taken over atomically, not removed.'), { code: STALE_SIGNAL }));
        return;
      }
      removeOwned(target, callback);
    },
    rmdirSync(target: string) {
      if (!state.held) return;
      nodeFs.rmSync(path.join(target, OWNER_FILE), { force: true });
      nodeFs.rmdirSync(target);
    },
  };
}

/**
 * mkdir with content: the folder is built under a unique name with the owner file, then renamed into place. A rename
 * onto an existing lock fails (POSIX: the folder is not empty; Windows: the target exists), which is reported as
 * EEXIST like mkdir would. (An empty `LOCK` folder is one whose holder was releasing it; replacing it is fine.)
 */
async function createLockFolder(target: string, owner: LockOwner): Promise<void> {
  const temp = `${target}.new-${owner.token}`;
  await fs.mkdir(temp);
  try {
    await fs.writeFile(path.join(temp, OWNER_FILE), JSON.stringify(owner), { mode: 0o600 });
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(temp, target);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        // POSIX answers ENOTEMPTY/EEXIST for a rename onto a lock, Windows EPERM: all mean "someone holds it".
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || (await fs.stat(target).then(() => true, () => false))) {
          throw Object.assign(new Error(`EEXIST: the lock ${target} exists`), { code: 'EEXIST', path: target });
        }
        // Windows: an antivirus may hold the new folder for a moment.
        if (!['EPERM', 'EBUSY', 'EACCES'].includes(code) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
      }
    }
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/** What is at the lock path now, or undefined when nothing is. */
async function inspect(lockPath: string): Promise<LockView | undefined> {
  // Owner first, then stat: if the lock is replaced in between, the stat shows the new, fresh one.
  const owner = await readOwner(lockPath);
  const stat = await fs.stat(lockPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stat) return undefined;
  return { ino: stat.ino, mtimeMs: stat.mtimeMs, owner: owner === 'missing' ? undefined : owner, ownerMissing: owner === 'missing' };
}

function isStale(view: LockView, lockPath: string): boolean {
  if (Date.now() - view.mtimeMs > STALE_MS || view.ownerMissing) return true;
  const owner = view.owner;
  if (!owner || owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return !heldHere.has(lockPath);
  return !isAlive(owner.pid);
}

/**
 * Removes exactly the stale lock that was inspected, or nothing: the claim folder is named after that lock, so only
 * one process can claim it; the lock is checked again after claiming (a fresh one has another mtime or owner).
 */
async function takeOver(lockPath: string, view: LockView): Promise<void> {
  const claim = `${lockPath}.takeover-${view.ino}-${Math.round(view.mtimeMs)}-${view.owner?.token ?? 'none'}`;
  try {
    await fs.mkdir(claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      // Someone else is taking it over; let them finish, then look again.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return;
    }
    throw error;
  }
  try {
    const again = await inspect(lockPath);
    const same =
      again !== undefined &&
      again.ino === view.ino &&
      again.mtimeMs === view.mtimeMs &&
      again.ownerMissing === view.ownerMissing &&
      again.owner?.token === view.owner?.token;
    if (!same) return;
    await fs.rm(path.join(lockPath, OWNER_FILE), { force: true });
    await fs.rmdir(lockPath).catch((error: NodeJS.ErrnoException) => {
      // ENOTEMPTY/EEXIST: another process put its new lock in place meanwhile (a rename onto the emptied folder).
      if (!['ENOENT', 'ENOTEMPTY', 'EEXIST'].includes(error.code ?? '')) throw error;
    });
  } finally {
    await fs.rmdir(claim).catch(() => undefined);
  }
}

/** Versions before proper-lockfile left a `LOCK` file; such a file is always stale (one copy of the app runs at once). */
async function removeLegacyLockFile(lockPath: string): Promise<void> {
  const stat = await fs.lstat(lockPath).catch(() => undefined);
  if (!stat?.isFile()) return;
  // unlink never removes a folder, so a lock another process has just taken (a folder by now) is safe.
  await fs.unlink(lockPath).catch((error: NodeJS.ErrnoException) => {
    if (!['ENOENT', 'EISDIR', 'EPERM', 'EACCES'].includes(error.code ?? '')) throw error;
  });
}

/**
 * Clears takeover claims left by a process that died in the middle of one (they would block that takeover forever),
 * and lock folders a killed process was still building.
 */
async function clearAbandonedClaims(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(`${LOCK_FILE}.takeover-`) && !name.startsWith(`${LOCK_FILE}.new-`)) continue;
    const claim = path.join(dir, name);
    const stat = await fs.stat(claim).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > CLAIM_STALE_MS) await fs.rm(claim, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | 'missing' | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(path.join(lockPath, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string'
      ? (value as LockOwner)
      : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    // Unreadable: judged by the mtime alone.
    return undefined;
  }
}

function lockedError(dir: string, owner: LockOwner | undefined): StoreError {
  const who = owner ? ` (process ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`})` : '';
  return new StoreError(
    'locked',
    `The data folder ${dir} is in use by another running copy of the app${who}. Close it first; if no other copy is ` +
      `open, start again in ${STALE_MS / 1000} seconds.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
