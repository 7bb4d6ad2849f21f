/**
 * A file-system layer that behaves like Windows where it matters to the data store, so the store, backup and restore
 * suites catch platform differences on Linux CI (see the "windows-fs" project in vitest.config.ts):
 * - fsync of a directory handle fails with EPERM (libuv opens folders read-only; FlushFileBuffers needs write access,
 *   nodejs/node#3879);
 * - renaming a file or folder that is open fails with EPERM, and so does renaming onto one; a folder counts as open
 *   while any file inside it is open (Windows refuses to move a folder with open handles below it);
 * - renaming onto an existing folder fails with EPERM (POSIX would replace an empty one);
 * - optionally, the first N attempts of every rename fail with EBUSY/EPERM, as when an antivirus or the search indexer
 *   holds a freshly written file for a moment.
 * It wraps the real modules handed to it (from `vi.mock(..., importOriginal)`), so it never imports `node:fs` itself.
 */
import path from 'node:path';
import type * as FsPromisesModule from 'node:fs/promises';
import type * as FsModule from 'node:fs';

type FsPromises = typeof FsPromisesModule;
type NodeFs = typeof FsModule;
type FileHandle = FsPromisesModule.FileHandle;

interface State {
  /** Resolved path → number of handles open on it. */
  open: Map<string, number>;
  transientFailures: number;
  transientCode: 'EBUSY' | 'EPERM';
  /** Attempts seen per rename (source → target), for the transient failures. */
  attempts: Map<string, number>;
  counts: { dirFsyncRefused: number; renameRefusedOpen: number; renameRefusedTransient: number };
}

const state: State = {
  open: new Map(),
  transientFailures: 0,
  transientCode: 'EBUSY',
  attempts: new Map(),
  counts: { dirFsyncRefused: 0, renameRefusedOpen: 0, renameRefusedTransient: 0 },
};

/** Test controls of the layer (inert when the layer is not installed). */
export const windowsFs = {
  /** Every rename (per source → target pair) fails this many times before the real one runs. */
  setTransientRenameFailures(times: number, code: 'EBUSY' | 'EPERM' = 'EBUSY'): void {
    state.transientFailures = times;
    state.transientCode = code;
    state.attempts.clear();
  },
  /** How often the layer refused something, so a test can show it really ran under it. */
  counts(): Readonly<State['counts']> {
    return { ...state.counts };
  },
  /** Paths with open handles right now. */
  openPaths(): string[] {
    return [...state.open.keys()];
  },
  installed: false,
};

function windowsError(code: 'EPERM' | 'EBUSY', syscall: string, target: string, dest?: string): NodeJS.ErrnoException {
  const text = code === 'EPERM' ? 'operation not permitted' : 'resource busy or locked';
  const where = dest === undefined ? `'${target}'` : `'${target}' -> '${dest}'`;
  return Object.assign(new Error(`${code}: ${text}, ${syscall} ${where}`), {
    code,
    errno: code === 'EPERM' ? -4048 : -4082,
    syscall,
    path: target,
    ...(dest === undefined ? {} : { dest }),
  });
}

function key(target: FsModule.PathLike): string {
  return path.resolve(target instanceof URL ? target.pathname : target.toString());
}

function track(file: string): () => void {
  state.open.set(file, (state.open.get(file) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (state.open.get(file) ?? 1) - 1;
    if (left <= 0) state.open.delete(file);
    else state.open.set(file, left);
  };
}

/** True when the path, or anything below it, is open. */
function isBusy(target: string): boolean {
  const prefix = target.endsWith(path.sep) ? target : target + path.sep;
  for (const file of state.open.keys()) if (file === target || file.startsWith(prefix)) return true;
  return false;
}

/** Throws what Windows would for this rename, before the real one runs. */
function checkRename(isDirectory: (p: string) => boolean, from: string, to: string): void {
  if (isBusy(from) || isBusy(to)) {
    state.counts.renameRefusedOpen++;
    throw windowsError('EPERM', 'rename', from, to);
  }
  if (isDirectory(to)) {
    state.counts.renameRefusedOpen++;
    throw windowsError('EPERM', 'rename', from, to);
  }
  if (state.transientFailures > 0) {
    const pair = `${from}\0${to}`;
    const seen = state.attempts.get(pair) ?? 0;
    if (seen < state.transientFailures) {
      state.attempts.set(pair, seen + 1);
      state.counts.renameRefusedTransient++;
      throw windowsError(state.transientCode, 'rename', from, to);
    }
    state.attempts.delete(pair);
  }
}

/** Wraps `node:fs/promises`. */
export function windowsFsPromises(real: FsPromises): FsPromises {
  const isDirectory = async (p: string) => (await real.stat(p).catch(() => undefined))?.isDirectory() ?? false;

  const open = async (file: FsModule.PathLike, flags?: string | number, mode?: FsModule.Mode): Promise<FileHandle> => {
    const handle = await real.open(file, flags, mode);
    const resolved = key(file);
    const release = track(resolved);
    const directory = (await handle.stat()).isDirectory();
    const close = handle.close.bind(handle);
    handle.close = async () => {
      release();
      return close();
    };
    if (directory) {
      const refuse = async () => {
        state.counts.dirFsyncRefused++;
        throw windowsError('EPERM', 'fsync', resolved);
      };
      handle.sync = refuse;
      handle.datasync = refuse;
    }
    return handle;
  };

  const rename = async (from: FsModule.PathLike, to: FsModule.PathLike): Promise<void> => {
    const source = key(from);
    const target = key(to);
    const targetIsDir = await isDirectory(target);
    checkRename(() => targetIsDir, source, target);
    return real.rename(from, to);
  };

  const wrapped = { ...real, open, rename } as FsPromises;
  windowsFs.installed = true;
  return { ...wrapped, default: wrapped } as FsPromises;
}

/** Wraps `node:fs` (its promises, streams and the sync/callback renames). */
export function windowsNodeFs(real: NodeFs, promises: FsPromises): NodeFs {
  const isDirectory = (p: string) => {
    try {
      return real.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const createReadStream = ((file: FsModule.PathLike, options?: Parameters<NodeFs['createReadStream']>[1]) => {
    const stream = real.createReadStream(file, options);
    const release = track(key(file));
    stream.once('close', release);
    return stream;
  }) as NodeFs['createReadStream'];
  const createWriteStream = ((file: FsModule.PathLike, options?: Parameters<NodeFs['createWriteStream']>[1]) => {
    const stream = real.createWriteStream(file, options);
    const release = track(key(file));
    stream.once('close', release);
    return stream;
  }) as NodeFs['createWriteStream'];
  const renameSync = (from: FsModule.PathLike, to: FsModule.PathLike) => {
    checkRename(isDirectory, key(from), key(to));
    real.renameSync(from, to);
  };
  const rename = ((from: FsModule.PathLike, to: FsModule.PathLike, callback: FsModule.NoParamCallback) => {
    try {
      checkRename(isDirectory, key(from), key(to));
    } catch (error) {
      process.nextTick(callback, error as NodeJS.ErrnoException);
      return;
    }
    real.rename(from, to, callback);
  }) as NodeFs['rename'];
  const wrapped = { ...real, promises, createReadStream, createWriteStream, renameSync, rename } as NodeFs;
  return { ...wrapped, default: wrapped } as NodeFs;
}
