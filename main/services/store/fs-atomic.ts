import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Flushes a directory entry table, so that a create, rename or unlink survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on directories; the rename itself is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
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
  const handle = await fs.open(temp, 'w');
  try {
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
  await fs.rename(temp, target);
  await fsyncDir(path.dirname(target));
}

/** Atomic replacement of a small file with the given content. */
export function writeSmallFileAtomic(target: string, content: string | Buffer): Promise<void> {
  return writeFileAtomic(target, (write) => write(content));
}
