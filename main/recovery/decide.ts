/*
 * What the recovery window says and offers after a failed start: one pure decision from the error (and whether any
 * backup exists) to a kind of failure and its actions, so every failure's answer is readable and tested in one place.
 */

/** The kinds of start-up failure a shop owner can act on differently. */
export type StartupFailureKind =
  /** Another copy of the app (or another program) holds the data folder. */
  | 'in-use'
  /** The data folder or a file in it cannot be read or written (permissions, read-only disk, a file in the way). */
  | 'no-access'
  /** The disk is full. */
  | 'disk-full'
  /** The data files are damaged. */
  | 'damaged'
  /** The data was written by a newer version of the app. */
  | 'too-new'
  /** A restore asked for in the previous run could not be carried out. */
  | 'restore-failed'
  /** The secrets file cannot be read (damaged). */
  | 'secrets'
  | 'unknown';

/** What the recovery window can do. */
export type RecoveryAction =
  /** Start again (after closing the other copy, freeing space…). */
  | 'retry'
  | 'open-data-folder'
  /** Pick a backup; the app restarts and restores it before opening anything. */
  | 'restore-backup'
  /** Set the unreadable secrets file aside; the app starts and asks for the secrets again. */
  | 're-enter-secrets'
  | 'quit';

/** The recovery window's content, minus the words (those come from texts.ts in the owner's language). */
export interface RecoveryPlan {
  kind: StartupFailureKind;
  actions: RecoveryAction[];
  /** The technical message, shown under "Details" for support (errors carry no secrets: see AppError, StoreError). */
  detail: string;
}

/** What else the decision needs besides the error. */
export interface RecoveryContext {
  /** Whether there is at least one backup to restore. */
  backupsAvailable: boolean;
}

const NO_ACCESS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENOENT']);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const IN_USE = new Set(['EBUSY']);

/** Sorts an error (walking its `cause` chain) into a kind; codes come from StoreError, AppError and Node. */
export function classifyStartupError(error: unknown): StartupFailureKind {
  for (let current = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    const code = typeof current === 'object' ? (current as { code?: unknown }).code : undefined;
    if (typeof code !== 'string') continue;
    switch (code) {
      case 'locked':
      case 'already_open':
        return 'in-use';
      case 'corrupt':
      case 'migration_failed':
        return 'damaged';
      case 'schema_too_new':
        return 'too-new';
      case 'restore_failed':
      case 'backup_invalid':
        return 'restore-failed';
      case 'vault_unreadable':
      case 'secret_unreadable':
        return 'secrets';
      default:
        if (DISK_FULL.has(code)) return 'disk-full';
        if (IN_USE.has(code)) return 'in-use';
        if (NO_ACCESS.has(code)) return 'no-access';
    }
  }
  return 'unknown';
}

/** The plan for one failed start. Quit is always offered, and always last. */
export function decideRecovery(error: unknown, context: RecoveryContext): RecoveryPlan {
  const kind = classifyStartupError(error);
  const restore: RecoveryAction[] = context.backupsAvailable ? ['restore-backup'] : [];
  const byKind: Record<StartupFailureKind, RecoveryAction[]> = {
    'in-use': ['retry', 'open-data-folder'],
    'no-access': ['open-data-folder', 'retry'],
    'disk-full': ['open-data-folder', 'retry'],
    damaged: [...restore, 'open-data-folder'],
    'too-new': [...restore, 'open-data-folder'],
    // The failed request stays until another backup is chosen (or the folder is fixed by hand).
    'restore-failed': [...restore, 'open-data-folder'],
    secrets: ['re-enter-secrets', 'open-data-folder'],
    unknown: ['retry', ...restore, 'open-data-folder'],
  };
  return { kind, actions: [...byKind[kind], 'quit'], detail: errorDetail(error) };
}

/** One line per error in the cause chain, e.g. "StoreError (corrupt): The contacts snapshot is damaged…". */
export function errorDetail(error: unknown): string {
  const lines: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      lines.push(`${current.name}${typeof code === 'string' ? ` (${code})` : ''}: ${current.message}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      lines.push(String(current));
      break;
    }
  }
  return lines.join('\n').slice(0, 4000);
}
