import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupProgress } from '../../shared/contract/backups';
import { AppError } from './app-error';
import { validateBackup, type BackupInfo } from './store/backup';
import { StoreError } from './store/errors';
import { DataStore } from './store/data-store';
import { writeSmallFileAtomic } from './store/fs-atomic';

const PENDING = 'pending-restore.json';
const PROGRESS_EVERY_MS = 100;

/**
 * Backups of the whole data folder: one automatic backup a day (14 kept), manual backups, and restore. A restore is
 * only written down here and carried out at the next start, before anything opens the files.
 */
export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private running: AbortController | null = null;

  constructor(
    private readonly store: DataStore,
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly log: (message: string) => void = () => undefined,
    private readonly onProgress: (progress: BackupProgress) => void = () => undefined,
    /** Runs before every copy: the consent anchors log gets this instant's chain heads, so the backup carries them. */
    private readonly beforeBackup: () => Promise<unknown> = async () => undefined,
  ) {}

  /** Carries out a restore requested in the previous run; call before opening the data folder. */
  static async applyPendingRestore(dataDir: string): Promise<string | null> {
    let requested: { path?: unknown };
    try {
      requested = JSON.parse(await readFile(path.join(dataDir, PENDING), 'utf8')) as { path?: unknown };
    } catch {
      return null;
    }
    if (typeof requested.path !== 'string') {
      await rm(path.join(dataDir, PENDING), { force: true });
      return null;
    }
    // The request file lives in the folder being replaced, so it leaves with the old data.
    await DataStore.restore({ dir: dataDir, backupPath: requested.path });
    return requested.path;
  }

  folder(): string {
    return this.store.backupDir;
  }

  list(): Promise<BackupInfo[]> {
    return this.store.listBackups();
  }

  async pendingRestore(): Promise<string | null> {
    try {
      const parsed = JSON.parse(await readFile(path.join(this.dataDir, PENDING), 'utf8')) as { path?: unknown };
      return typeof parsed.path === 'string' ? parsed.path : null;
    } catch {
      return null;
    }
  }

  /** "Back up now", one at a time, reporting bytes copied; {@link cancel} stops it and keeps nothing of it. */
  async create(): Promise<BackupInfo> {
    if (this.running) throw new AppError('busy', 'A backup is already being made. Wait for it to finish, or cancel it.');
    const controller = new AbortController();
    this.running = controller;
    let last = -Infinity;
    try {
      await this.beforeBackup();
      const info = await this.store.backup('manual', {
        signal: controller.signal,
        onProgress: (done, total) => {
          const at = performance.now();
          if (at - last < PROGRESS_EVERY_MS) return;
          last = at;
          this.onProgress({ done, total });
        },
      });
      this.onProgress({ done: info.bytes, total: info.bytes });
      return info;
    } catch (error) {
      if (error instanceof StoreError && error.code === 'cancelled') throw new AppError('cancelled', 'The backup was cancelled. Nothing was kept of it.');
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** Cancels the running manual backup, if any. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  /** Checks the backup completely now, so a broken one is refused before the owner restarts for nothing. */
  async requestRestore(backupPath: string): Promise<void> {
    const known = (await this.list()).some((b) => b.path === backupPath);
    if (!known) throw new AppError('not_found', 'That backup is not in the backup folder any more.', 'path');
    try {
      await validateBackup(backupPath);
    } catch (error) {
      throw new AppError('backup_invalid', `That backup is damaged and cannot be restored: ${(error as Error).message}`, 'path');
    }
    await writeSmallFileAtomic(path.join(this.dataDir, PENDING), JSON.stringify({ path: backupPath, requestedAt: this.now().toISOString() }));
  }

  /** Takes the day's backup soon after start (not during it) and checks again every hour. */
  startDaily(firstDelayMs = 60_000, everyMs = 3_600_000): void {
    const run = () => {
      this.beforeBackup()
        .then(() => this.store.maybeDailyBackup(this.now().getTime()))
        .then((info) => info && this.log(`daily backup written: ${info.path}`))
        .catch((error: unknown) => this.log(`daily backup failed (will retry): ${(error as Error).message}`));
    };
    const first = setTimeout(() => {
      run();
      this.timer = setInterval(run, everyMs);
      this.timer.unref?.();
    }, firstDelayMs);
    first.unref?.();
    this.timer = first;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
