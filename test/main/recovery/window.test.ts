import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryView } from '../../../main/recovery/contract';
import { RECOVERY_TEXTS } from '../../../main/recovery/texts';
import { showRecoveryWindow, type RecoveryDeps } from '../../../main/recovery/window';
import { BackupService } from '../../../main/services/backup-service';
import { StoreError } from '../../../main/services/store/errors';
import { DataStore } from '../../../main/services/store/data-store';
import { LOCALES } from '../../../shared/contract/profile';
import { tempDir } from '../../support/temp-dir';
import { app, BrowserWindow, dialog, ipcMain, resetElectronMock, shell } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

let temp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  resetElectronMock();
  temp = await tempDir('od-recovery-window-');
});
afterEach(() => temp.cleanup());

function deps(overrides: Partial<RecoveryDeps> = {}): RecoveryDeps {
  return {
    error: new StoreError('corrupt', 'The contacts snapshot is damaged. Restore a backup.'),
    dataDir: path.join(temp.dir, 'data'),
    vaultDir: temp.dir,
    preload: '/dist/main/recovery-preload.cjs',
    locale: 'en',
    devTools: false,
    log: vi.fn(),
    ...overrides,
  };
}

/** Calls a registered channel as the given window's main frame would. */
function call(window: BrowserWindow, channel: string, args?: unknown, frame = { url: window.webContents.getURL(), parent: null }) {
  return ipcMain.handlers.get(channel)!({ sender: window.webContents, senderFrame: frame }, args);
}

describe('showRecoveryWindow', () => {
  it('opens a sandboxed window on the app:// recovery page, without DevTools when packaged', async () => {
    const window = (await showRecoveryWindow(deps())) as unknown as BrowserWindow;
    expect(window.webContents.getURL()).toBe('app://outreach/recovery/index.html');
    expect(window.options.webPreferences).toMatchObject({
      preload: '/dist/main/recovery-preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('tells the page what happened in the system language, with the offered actions', async () => {
    const window = (await showRecoveryWindow(deps({ locale: 'es' }))) as unknown as BrowserWindow;
    const view = (await call(window, 'recovery:view')) as RecoveryView;
    expect(view.lang).toBe('es');
    expect(view.message).toBe(RECOVERY_TEXTS.es.kinds.damaged);
    expect(view.actions.map((a) => a.id)).toEqual(['open-data-folder', 'quit']);
    expect(view.detail).toContain('StoreError (corrupt)');
  });

  it('answers nobody but its own window', async () => {
    const window = (await showRecoveryWindow(deps())) as unknown as BrowserWindow;
    const other = new BrowserWindow();
    other.webContents.url = 'app://outreach/index.html';
    expect(await call(other, 'recovery:view')).toBeNull();
    expect(await call(window, 'recovery:view', undefined, { url: 'https://evil.example/', parent: null })).toBeNull();
    expect(await call(other, 'recovery:act', { action: 'retry' })).toMatchObject({ ok: false });
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('refuses actions that were not offered and malformed requests', async () => {
    const window = (await showRecoveryWindow(deps())) as unknown as BrowserWindow;
    expect(await call(window, 'recovery:act', { action: 're-enter-secrets' })).toMatchObject({ ok: false });
    expect(await call(window, 'recovery:act', { action: 'quit', extra: 1 })).toMatchObject({ ok: false });
    expect(await call(window, 'recovery:act', 'quit')).toMatchObject({ ok: false });
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('opens the data folder in the file manager', async () => {
    const window = (await showRecoveryWindow(deps())) as unknown as BrowserWindow;
    expect(await call(window, 'recovery:act', { action: 'open-data-folder' })).toEqual({ ok: true });
    expect(shell.openPath).toHaveBeenCalledWith(path.join(temp.dir, 'data'));
  });

  it('restores a listed backup by asking for it at the next start, then relaunches', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const store = await DataStore.open({ dir: dataDir });
    const backup = await store.backup('manual');
    await store.close();
    const window = (await showRecoveryWindow(deps({ dataDir }))) as unknown as BrowserWindow;
    const view = (await call(window, 'recovery:view')) as RecoveryView;
    expect(view.backups.map((b) => b.path)).toEqual([backup.path]);
    expect(await call(window, 'recovery:act', { action: 'restore-backup', backupPath: backup.path })).toEqual({ ok: true });
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(await BackupService.applyPendingRestore(dataDir)).toBe(backup.path);
  });

  it('sets an unreadable secrets file aside and relaunches, so the app asks for the secrets again', async () => {
    await mkdir(temp.dir, { recursive: true });
    const { writeFile, readdir } = await import('node:fs/promises');
    await writeFile(path.join(temp.dir, 'secrets.json'), 'damaged');
    const { AppError } = await import('../../../main/services/app-error');
    const window = (await showRecoveryWindow(deps({ error: new AppError('vault_unreadable', 'damaged') }))) as unknown as BrowserWindow;
    expect(await call(window, 'recovery:act', { action: 're-enter-secrets' })).toEqual({ ok: true });
    expect((await readdir(temp.dir)).some((name) => name.startsWith('secrets.json.set-aside-'))).toBe(true);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
  });

  it('quits when the window is closed, and removes its channels', async () => {
    const window = (await showRecoveryWindow(deps())) as unknown as BrowserWindow;
    window.close();
    expect(app.quit).toHaveBeenCalled();
    expect(ipcMain.handlers.has('recovery:act')).toBe(false);
  });

  it('falls back to a native error box when the page cannot load', async () => {
    BrowserWindow.loadImpl = async () => {
      throw new Error('ERR_FILE_NOT_FOUND');
    };
    await showRecoveryWindow(deps({ locale: 'pt' }));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(RECOVERY_TEXTS.pt.windowTitle, expect.stringContaining(RECOVERY_TEXTS.pt.kinds.damaged));
  });
});

describe('recovery texts', () => {
  it('exist in every language with the same keys, and say something for every kind and action', () => {
    const shape = (value: unknown): unknown =>
      value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value;
    for (const locale of LOCALES) {
      expect(shape(RECOVERY_TEXTS[locale])).toEqual(shape(RECOVERY_TEXTS.en));
      for (const text of Object.values(RECOVERY_TEXTS[locale].kinds)) expect(text.length).toBeGreaterThan(20);
    }
  });
});
