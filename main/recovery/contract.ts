import type { Locale } from '../../shared/contract/profile';
import type { RecoveryAction } from './decide';

/*
 * The recovery window's two IPC channels, separate from the app's contract: they exist only in a process whose
 * start failed, and only the recovery window may call them. No zod here: the preload imports this file, and main
 * parses every request with the schema in request.ts.
 */

/** Channel names (registered with ipcMain.handle only while the recovery window is open). */
export const RECOVERY_CHANNELS = { view: 'recovery:view', act: 'recovery:act' } as const;

/** One button press; a backup is named by a path from the offered list (main checks it is one of them). */
export type RecoveryRequest =
  | { action: 'retry' | 'open-data-folder' | 're-enter-secrets' | 'quit' }
  | { action: 'restore-backup'; backupPath: string };

/** The answer to a press: most actions end this process; a failure says why in words. */
export type RecoveryResult = { ok: true } | { ok: false; message: string };

/** Everything the page shows, already in the owner's language. */
export interface RecoveryView {
  lang: Locale;
  title: string;
  heading: string;
  message: string;
  detailsLabel: string;
  detail: string;
  actions: { id: RecoveryAction; label: string }[];
  backups: { path: string; label: string }[];
  chooseBackup: string;
  restoreNote: string;
  working: string;
  actionFailed: string;
}

/** What the recovery preload exposes as `window.recovery`. */
export interface RecoveryApi {
  view(): Promise<RecoveryView>;
  act(request: RecoveryRequest): Promise<RecoveryResult>;
}
