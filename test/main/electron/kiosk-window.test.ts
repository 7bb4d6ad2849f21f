import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskWindow, KIOSK_URL, kioskWindowOptions, setupKiosk } from '../../../main/electron/kiosk-window';
import { EventBus } from '../../../main/services/event-bus';
import { isKioskEscapeKey, type KioskKeyInput } from '../../../main/services/kiosk-keys';
import { mainWindowOptions } from '../../../main/window';
import { app, BrowserWindow, fakeEvent, resetElectronMock } from '../../mocks/electron';

// The shared fake, plus what only the kiosk touches: removeMenu, and a close that asks 'close' listeners first.
vi.mock('electron', async () => {
  const mock = await import('../../mocks/electron');
  class KioskCapableWindow extends mock.BrowserWindow {
    removeMenu = vi.fn();
    override close = vi.fn(() => {
      const event = mock.fakeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    });
  }
  return { ...mock, BrowserWindow: KioskCapableWindow };
});

type KioskWindow = BrowserWindow & { removeMenu: ReturnType<typeof vi.fn> };
const paths = { preload: '/app/dist/main/preload.cjs' };

function key(key: string, mods: Partial<KioskKeyInput> = {}): KioskKeyInput {
  return { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods };
}

/** Sends a key press through the window's before-input-event listeners; true when they swallowed it. */
function press(window: BrowserWindow, input: KioskKeyInput): boolean {
  const event = fakeEvent();
  window.webContents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

beforeEach(() => resetElectronMock());

describe('kiosk window', () => {
  it('is a full-screen kiosk with the main window’s secure preferences and devtools off', () => {
    const options = kioskWindowOptions(paths);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toEqual({ ...mainWindowOptions(paths).webPreferences, devTools: false });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: paths.preload });
  });

  it('loads the kiosk route with no menu, and swallows reload, devtools and close keys but not typing', () => {
    const window = createKioskWindow(paths, () => true, () => false) as unknown as KioskWindow;
    expect(window.webContents.getURL()).toBe(KIOSK_URL);
    expect(KIOSK_URL).toBe('app://outreach/index.html#/kiosk');
    expect(window.removeMenu).toHaveBeenCalled();
    const swallowed = [
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('r', { meta: true }),
      key('F5'),
      key('F11'),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
      key('J', { control: true, shift: true }),
      key('w', { control: true }),
      key('q', { meta: true }),
      key('F4', { alt: true }),
      key('ArrowLeft', { alt: true }),
    ];
    for (const input of swallowed) expect({ input, swallowed: press(window, input) }).toEqual({ input, swallowed: true });
    for (const input of [key('a'), key('7'), key('Enter'), key('Tab'), key('Escape'), key('Backspace'), key('c', { control: true })]) {
      expect({ input, swallowed: press(window, input) }).toEqual({ input, swallowed: false });
    }
    expect(isKioskEscapeKey({ ...key('r', { control: true }), type: 'keyUp' })).toBe(false);
  });

  it('cannot be closed while the kiosk is on, except when the app quits', () => {
    let on = true;
    let quitting = false;
    const window = createKioskWindow(paths, () => on, () => quitting) as unknown as BrowserWindow;
    window.close();
    expect(window.isDestroyed()).toBe(false);
    quitting = true;
    window.close();
    expect(window.isDestroyed()).toBe(true);

    quitting = false;
    const next = createKioskWindow(paths, () => on, () => quitting) as unknown as BrowserWindow;
    on = false;
    next.close();
    expect(next.isDestroyed()).toBe(true);
  });
});

describe('setupKiosk', () => {
  function setup(on: boolean) {
    const state = { on };
    const bus = new EventBus();
    let mainWindow: BrowserWindow | null = null;
    const openMainWindow = vi.fn(() => {
      const window = new BrowserWindow({ title: 'main' });
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null;
      });
      mainWindow = window;
    });
    const kiosk = setupKiosk({ kiosk: { isOn: () => state.on }, bus, paths, openMainWindow, getMainWindow: () => mainWindow as unknown as Electron.BrowserWindow | null });
    const change = (next: boolean) => {
      state.on = next;
      bus.emit('kiosk:changed', { on: next, pinSet: true, since: next ? '2026-12-06T09:00:00.000Z' : null });
    };
    const kioskWindow = () => kiosk.window() as unknown as BrowserWindow | null;
    return { kiosk, kioskWindow, change, openMainWindow, main: () => mainWindow };
  }

  it('opens the kiosk window instead of the main window when the kiosk was on at start', () => {
    const s = setup(true);
    s.kiosk.openStartWindow();
    expect(s.openMainWindow).not.toHaveBeenCalled();
    expect(s.kioskWindow()?.webContents.getURL()).toBe(KIOSK_URL);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('swaps the windows when the kiosk is entered and left, never leaving the app without a window', () => {
    const s = setup(false);
    s.kiosk.openStartWindow();
    expect(s.main()).not.toBeNull();
    expect(s.kioskWindow()).toBeNull();

    s.change(true);
    const kioskWindow = s.kioskWindow();
    expect(kioskWindow?.options).toMatchObject({ kiosk: true });
    expect(s.main()).toBeNull();
    expect(BrowserWindow.getAllWindows()).toEqual([kioskWindow]);
    // Alt+F4 or the window manager's close button: the kiosk stays.
    kioskWindow?.close();
    expect(s.kioskWindow()).toBe(kioskWindow);

    s.change(false);
    expect(s.kioskWindow()).toBeNull();
    expect(s.main()).not.toBeNull();
    expect(BrowserWindow.getAllWindows()).toEqual([s.main()]);
    expect(s.openMainWindow).toHaveBeenCalledTimes(2);
  });

  it('lets the app quit with the kiosk on', () => {
    const s = setup(true);
    s.kiosk.openStartWindow();
    app.emit('before-quit');
    s.kioskWindow()?.close();
    expect(s.kioskWindow()).toBeNull();
  });
});
