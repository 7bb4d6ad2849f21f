import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeHandlePrivate, PRIVATE_FILE_MODE } from './permissions';

/**
 * Errors of a directory fsync that only mean "this platform or file system cannot flush a folder": Windows opens
 * folders read-only and FlushFileBuffers needs write access (EPERM/EACCES, nodejs/node#3879; some versions refuse to
 * open a folder at all: EISDIR), and some Linux file systems answer EINVAL.
 */
const DIR_FSYNC_UNSUPPORTED = new Set(['EPERM', 'EACCES', 'EISDIR', 'EINVAL']);

/**
 * Flushes a directory entry table, so that a create, rename or unlink survives a power cut. Best effort where the
 * platform cannot do it: on Windows NTFS journals the rename itself, which is what must be durable there.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
  } catch (error) {
    if (DIR_FSYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!DIR_FSYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Rename failures that go away by themselves on Windows: an antivirus, the indexer or a backup tool holds the file. */
const RENAME_TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Back-off between attempts (ms): about 2.6 s in all, like lowdb's writer (steno), then the error is the caller's. */
const RENAME_BACKOFF_MS = [10, 20, 40, 80, 160, 320, 500, 500, 500, 500];

/**
 * `fs.rename` that retries a short, bounded while on EPERM/EBUSY/EACCES. On Windows a file or folder someone else has
 * open cannot be renamed until they let go; the rename is atomic either way, so trying again is safe.
 */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RENAME_TRANSIENT.has(code) || attempt >= RENAME_BACKOFF_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_BACKOFF_MS[attempt]));
    }
  }
}

/** True when the path exists (file or folder). */
export async function pathExists(target: string): Promise<boolean> {
  try {
    await fs.access(target);
    return true;
  } catch {
    return false;
  }
}

/** Writes `count` bytes from a buffer fully: a single write() may be short. */
export async function writeAll(handle: fs.FileHandle, buffer: Buffer): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done);
    done += bytesWritten;
  }
}

const SYNC_EVERY_BYTES = 1 << 20;

/**
 * Replaces a file atomically: temp file, fsync, rename, fsync of the folder. A crash at any step leaves either the old
 * or the new file whole, never a torn one; a leftover `.tmp` is the only trace and is ignored by readers.
 * `produce` may write in several chunks (yielding between them) so large files do not block the event loop.
 */
export async function writeFileAtomic(
  target: string,
  produce: (write: (chunk: string | Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  const temp = `${target}.tmp`;
  const handle = await fs.open(temp, 'w', PRIVATE_FILE_MODE);
  try {
    // A temp file left by a crash keeps its old mode when reopened; the rename would carry it over.
    await makeHandlePrivate(handle);
    let unsynced = 0;
    await produce(async (chunk) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      await writeAll(handle, buffer);
      unsynced += buffer.length;
      // Flushing as we go keeps dirty pages few, so journal fsyncs running meanwhile are not held up behind them.
      if (unsynced >= SYNC_EVERY_BYTES) {
        unsynced = 0;
        await handle.datasync();
      }
    });
    await handle.sync();
  } finally {
    await handle.close();
  }
  await renameWithRetry(temp, target);
  await fsyncDir(path.dirname(target));
}

/** Atomic replacement of a small file with the given content. */
export function writeSmallFileAtomic(target: string, content: string | Buffer): Promise<void> {
  return writeFileAtomic(target, (write) => write(content));
}
