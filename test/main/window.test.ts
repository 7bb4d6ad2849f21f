import { beforeEach, describe, expect, it, vi } from 'vitest';
import { keepPageAlive, mainWindowOptions } from '../../main/window';
import { BrowserWindow, resetElectronMock } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

beforeEach(() => resetElectronMock());

describe('DevTools', () => {
  it('are off unless the caller says the build is not packaged', () => {
    expect(mainWindowOptions({ preload: '/p.cjs' }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ preload: '/p.cjs', devTools: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('keepPageAlive', () => {
  function watched(maxAttempts = 3) {
    const window = new BrowserWindow();
    const log = vi.fn();
    const loads: string[] = [];
    BrowserWindow.loadImpl = async (_window, url) => {
      loads.push(url);
    };
    keepPageAlive(window as never, { url: 'app://outreach/index.html', log, maxAttempts, later: (run) => run() });
    return { window, log, loads };
  }

  it('reloads the page after the renderer crashed, and logs why', () => {
    const { window, log, loads } = watched();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 137 });
    expect(loads).toEqual(['app://outreach/index.html']);
    expect(log.mock.calls[0]?.[0]).toMatch(/oom.*137.*reloading/);
  });

  it('does nothing when the renderer exited cleanly (the window closed)', () => {
    const { window, loads } = watched();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(loads).toEqual([]);
  });

  it('reloads after a failed main-frame load, but not for aborted loads or sub-frames', () => {
    const { window, loads, log } = watched();
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://outreach/index.html', true);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://outreach/poster.html', false);
    expect(loads).toEqual([]);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://outreach/index.html', true);
    expect(loads).toEqual(['app://outreach/index.html']);
    expect(log.mock.calls[0]?.[0]).toMatch(/ERR_FILE_NOT_FOUND/);
  });

  it('gives up after a few reloads in a row, and starts counting again once a load finished', () => {
    const { window, loads, log } = watched(2);
    for (let i = 0; i < 4; i++) window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(loads).toHaveLength(2);
    expect(log.mock.calls.at(-1)?.[0]).toMatch(/not reloading again after 2/);
    window.webContents.emit('did-finish-load');
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(loads).toHaveLength(3);
  });

  it('does not reload a window that is gone', () => {
    const { window, loads } = watched();
    window.destroy();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(loads).toEqual([]);
  });
});
