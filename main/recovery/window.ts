import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import type { Locale } from '../../shared/contract/profile';
import { createSenderCheck } from '../ipc';
import { RECOVERY_URL } from '../protocol';
import { secureWebPreferences } from '../window';
import { requestRestoreAtNextStart, restorableBackups, setSecretsAside } from './actions';
import { RECOVERY_CHANNELS, type RecoveryResult } from './contract';
import { RecoveryRequestSchema } from './request';
import { decideRecovery } from './decide';
import { recoveryView } from './view';

/*
 * The window shown instead of a silent exit when start-up fails. A packaged GUI app has no console, so this is the
 * only place a shop owner learns what happened. It is served from our own app:// origin, sandboxed, with a preload
 * of its own that can call exactly two channels.
 */

/** What the recovery window needs to know and do. */
export interface RecoveryDeps {
  error: unknown;
  /** The app's data folder (may not exist: creating it may be what failed). */
  dataDir: string;
  /** Where the secrets file lives (userData, outside the data folder). */
  vaultDir: string;
  /** dist/main/recovery-preload.cjs */
  preload: string;
  locale: Locale;
  /** DevTools only while developing. */
  devTools: boolean;
  log(message: string): void;
}

/** Opens the recovery window and answers its two channels; resolves with the window once created. */
export async function showRecoveryWindow(deps: RecoveryDeps): Promise<BrowserWindow> {
  const backups = await restorableBackups(deps.dataDir);
  const plan = decideRecovery(deps.error, { backupsAvailable: backups.length > 0 });
  const view = recoveryView(plan, deps.locale, backups);
  deps.log(`start-up failed (${plan.kind}): ${plan.detail}`);

  const window = new BrowserWindow({
    width: 640,
    height: 560,
    minWidth: 420,
    minHeight: 360,
    show: false,
    title: view.title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(deps.preload, deps.devTools),
  });
  let current: BrowserWindow | null = window;
  window.on('closed', () => {
    current = null;
    for (const channel of Object.values(RECOVERY_CHANNELS)) ipcMain.removeHandler(channel);
    // Closing the window is quitting: there is nothing else to show.
    app.quit();
  });
  const trusted = createSenderCheck(() => current);

  ipcMain.handle(RECOVERY_CHANNELS.view, (event) => (trusted(event) ? view : null));
  ipcMain.handle(RECOVERY_CHANNELS.act, async (event, raw: unknown): Promise<RecoveryResult> => {
    if (!trusted(event)) return { ok: false, message: 'This call did not come from the recovery window.' };
    const parsed = RecoveryRequestSchema.safeParse(raw);
    if (!parsed.success || !plan.actions.includes(parsed.data.action)) return { ok: false, message: 'That is not one of the offered actions.' };
    const request = parsed.data;
    try {
      switch (request.action) {
        case 'open-data-folder': {
          const failure = await shell.openPath(deps.dataDir);
          return failure ? { ok: false, message: failure } : { ok: true };
        }
        case 'restore-backup':
          await requestRestoreAtNextStart(deps.dataDir, request.backupPath);
          deps.log(`restore of ${request.backupPath} requested from the recovery window`);
          relaunch();
          return { ok: true };
        case 're-enter-secrets': {
          const moved = await setSecretsAside(deps.vaultDir);
          deps.log(`secrets files set aside: ${moved.join(', ') || 'none found'}`);
          relaunch();
          return { ok: true };
        }
        case 'retry':
          relaunch();
          return { ok: true };
        case 'quit':
          app.quit();
          return { ok: true };
      }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(RECOVERY_URL).catch((error: unknown) => {
    // The page itself could not load (a damaged install): say at least what happened in a native box.
    deps.log(`the recovery page did not load: ${error instanceof Error ? error.message : String(error)}`);
    dialog.showErrorBox(view.title, `${view.message}\n\n${view.detailsLabel}:\n${view.detail}`);
    window.destroy();
  });
  return window;
}

/** Starts a fresh process (which carries out a requested restore first) and ends this one without waiting. */
function relaunch(): void {
  app.relaunch();
  app.exit(0);
}
