import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from './errors';

/** The name of the lock file inside a data folder. */
export const LOCK_FILE = 'LOCK';

interface LockContent {
  pid: number;
  host: string;
  at: number;
}

/**
 * Takes the single-writer lock of a folder: a `LOCK` file holding our pid, created exclusively. A lock left by a
 * process that is gone (crash, SIGKILL) is taken over; a live holder is a `locked` error. (A pid reused by an
 * unrelated process would look alive: the message says which pid to check.) Returns the release function.
 */
export async function acquireLock(dir: string, now: () => number): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: os.hostname(), at: now() };
  // Up to ~3 s: enough for a lock file that was just created to get its content, or be recognised as stale.
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      const handle = await fs.open(file, 'wx');
      try {
        await handle.writeFile(JSON.stringify(content));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return () => fs.rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(file);
    if (holder === 'unreadable') {
      // Another process may be between creating and writing it; give it a moment before calling it stale.
      const { mtimeMs } = await fs.stat(file).catch(() => ({ mtimeMs: 0 }));
      if (Date.now() - mtimeMs < 2_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
    } else if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new StoreError(
        'locked',
        `The data folder ${dir} is in use by another running copy of the app (process ${holder.pid}). Close it first.`,
      );
    }
    await fs.rm(file, { force: true });
  }
  throw new StoreError('locked', `Could not take the lock of ${dir}; another process keeps recreating it.`);
}

async function readLock(file: string): Promise<LockContent | 'unreadable' | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockContent>;
    return typeof value.pid === 'number' ? (value as LockContent) : 'unreadable';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
