import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/contract';
import { createDispatcher, type Dispatch, type Handlers } from '../../main/dispatch';
import { createHandlers } from '../../main/handlers';
import { createSenderCheck, FORBIDDEN_SENDER, forwardBusEvents, setupIpc, wrapIpcHandler } from '../../main/ipc';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { EventBus } from '../../main/services/event-bus';
import { tempDir } from '../support/temp-dir';
import { BrowserWindow, ipcMain, resetElectronMock, type FakeFrame } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const APP_PAGE = 'app://outreach/index.html';

/** A main window showing the app, and an IPC event from its main frame (or a variant of it). */
function windowAndEvent(frame: Partial<FakeFrame> | null = {}) {
  const window = new BrowserWindow();
  window.webContents.url = APP_PAGE;
  window.webContents.mainFrame = { url: APP_PAGE, parent: null };
  const senderFrame = frame === null ? null : { ...window.webContents.mainFrame, ...frame };
  const event = { sender: window.webContents, senderFrame, processId: 1, frameId: 1 };
  return { window, event: event as never };
}

let data: { dir: string; cleanup: () => Promise<void> };
let services: AppServices;
let dispatch: Dispatch;
let logError: ReturnType<typeof vi.fn<(channel: string, error: unknown) => void>>;

beforeEach(async () => {
  resetElectronMock();
  data = await tempDir('od-ipc-');
  services = await createAppServices({ dataDir: data.dir, runtime: 'electron', version: '1.2.3' });
  logError = vi.fn<(channel: string, error: unknown) => void>();
  const ownerUnlocked = () => services.owner.isUnlocked();
  dispatch = createDispatcher({
    handlers: createHandlers(services, { openExternal: async () => true, ownerUnlocked, deviceName: 'test till' }),
    ownerUnlocked,
    logError,
  });
});
afterEach(async () => {
  await services.close();
  await data.cleanup();
});

const validProfile = { businessName: 'Panadería Lucía', country: 'ES', phone: '612 34 56 78', locale: 'es', mode: 'sandbox' };

describe('sender check', () => {
  it('trusts only the main frame of the main window on the app origin', () => {
    const { window, event } = windowAndEvent();
    const check = createSenderCheck(() => window as never);
    expect(check(event)).toBe(true);
  });

  it.each([
    ['a page on another origin', { url: 'https://evil.example/' }],
    ['a file: page', { url: 'file:///tmp/x.html' }],
    ['another app:// host', { url: 'app://evil/index.html' }],
    ['a sub-frame of our own page', { parent: { url: APP_PAGE, parent: null } }],
  ])('refuses %s', (_label, frame) => {
    const { window, event } = windowAndEvent(frame);
    expect(createSenderCheck(() => window as never)(event)).toBe(false);
  });

  it('refuses a destroyed frame, another window, or no window at all', () => {
    const { window, event: noFrame } = windowAndEvent(null);
    expect(createSenderCheck(() => window as never)(noFrame)).toBe(false);
    const other = windowAndEvent();
    expect(createSenderCheck(() => window as never)(other.event)).toBe(false);
    expect(createSenderCheck(() => null)(other.event)).toBe(false);
    other.window.destroy();
    expect(createSenderCheck(() => other.window as never)(other.event)).toBe(false);
  });
});

describe('wrapIpcHandler', () => {
  it('refuses a foreign sender with forbidden_sender and never reaches the service', async () => {
    const spy = vi.fn(dispatch);
    const { window, event } = windowAndEvent({ url: 'https://evil.example/' });
    const handler = wrapIpcHandler(spy, 'profile:save', createSenderCheck(() => window as never));
    const result = await handler(event, validProfile);
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(spy).not.toHaveBeenCalled();
    expect(services.profile.get()).toBeNull();
  });

  it('treats a sender check that throws (frame already gone) as foreign', async () => {
    const handler = wrapIpcHandler(dispatch, 'app:info', () => {
      throw new Error('Render frame was disposed');
    });
    expect(await handler({} as never, {})).toEqual(FORBIDDEN_SENDER);
  });

  it('gives bad arguments a typed error naming the field, and stores nothing', async () => {
    const { window, event } = windowAndEvent();
    const handler = wrapIpcHandler(dispatch, 'profile:save', createSenderCheck(() => window as never));
    const result = await handler(event, { ...validProfile, businessName: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_argument', field: 'businessName', message: 'Enter the business name customers know you by.' },
    });
    const stored = await wrapIpcHandler(dispatch, 'profile:get', () => true)(event, {});
    expect(stored).toEqual({ ok: true, value: null });
  });

  it('passes a valid call through to the service with the electron transport only', async () => {
    const spy = vi.fn(dispatch);
    const { window, event } = windowAndEvent();
    const result = await wrapIpcHandler(spy, 'profile:save', createSenderCheck(() => window as never))(event, validProfile);
    expect(result).toMatchObject({ ok: true, value: { businessName: 'Panadería Lucía', phoneE164: '+34612345678' } });
    // The IPC event (sender, frames) is never handed on.
    expect(spy).toHaveBeenCalledWith('profile:save', validProfile, { transport: 'electron' });
  });

  it('turns a thrown bug into `internal` without leaking its message or stack', async () => {
    const leaky = new Error('ENOENT /home/ana/.config/token=EAAG-secret');
    const handlers = { 'app:info': () => { throw leaky; } } as unknown as Handlers;
    const buggy = createDispatcher({ handlers, ownerUnlocked: () => true, logError });
    const result = await wrapIpcHandler(buggy, 'app:info', () => true)({} as never, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('EAAG');
    expect(text).not.toContain('/home/ana');
    expect(text).not.toContain('at ');
    expect(logError).toHaveBeenCalledWith('app:info', leaky);
  });

  it('answers unknown_channel for a channel outside the contract', async () => {
    const result = await wrapIpcHandler(dispatch, 'fs:readFile', () => true)({} as never, { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});

describe('setupIpc', () => {
  it('registers every contract channel once, through the sender check, and can remove them', async () => {
    const { window, event } = windowAndEvent();
    const teardown = setupIpc(dispatch, () => window as never);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    const info = await ipcMain.handlers.get('app:info')!(event, {});
    expect(info).toMatchObject({ ok: true, value: { version: '1.2.3', runtime: 'electron' } });
    const foreign = windowAndEvent({ url: 'https://evil.example/' }).event;
    expect(await ipcMain.handlers.get('app:info')!(foreign, {})).toEqual(FORBIDDEN_SENDER);
    teardown();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('forwardBusEvents', () => {
  it('sends contract events to the app window and nowhere else', () => {
    const bus = new EventBus();
    const { window } = windowAndEvent();
    let current: BrowserWindow | null = window;
    const stop = forwardBusEvents(bus, () => current as never);
    bus.emit('profile:changed', { at: '2025-01-01T00:00:00.000Z' });
    expect(window.webContents.send).toHaveBeenCalledWith('profile:changed', { at: '2025-01-01T00:00:00.000Z' });

    window.webContents.url = 'https://evil.example/';
    bus.emit('data:changed', { domain: 'contacts' });
    current = null;
    bus.emit('data:changed', { domain: 'contacts' });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);

    current = window;
    window.webContents.url = APP_PAGE;
    stop();
    bus.emit('data:changed', { domain: 'contacts' });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});
