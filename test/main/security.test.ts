import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/csp';
import {
  decideFrameNavigation,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  hardenWebContents,
  isAppUrl,
  setupSecurity,
} from '../../main/security';
import { createMainWindow, mainWindowOptions } from '../../main/window';
import { app, BrowserWindow, fakeEvent, FakeWebContents, resetElectronMock, session } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const REFUSED = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://evil.example/',
  'http://wa.me/15551234567',
  'https://wa.me.evil.com/15551234567',
  'https://wa.me@evil.com/15551234567',
  'https://evil.com@wa.me:8443/1',
  'https://wa.me:8443/15551234567',
  'data:text/html,<script>alert(1)</script>',
  'whatsapp://send?phone=1',
  'not a url',
];
const WA_ME = 'https://wa.me/15551234567?text=Hello%20there';

beforeEach(() => resetElectronMock());

describe('pure decisions', () => {
  it.each(REFUSED)('never opens %s externally and never in a new window', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternal: false });
    expect(decideNavigation(url)).toEqual({ action: 'deny', openExternal: false });
  });

  it('hands https://wa.me/… to the system browser but still opens no Electron window', () => {
    expect(decideWindowOpen(WA_ME)).toEqual({ action: 'deny', openExternal: true });
    expect(decideNavigation(WA_ME)).toEqual({ action: 'deny', openExternal: true });
  });

  it('hands sms: and mailto: links (opt-in requests) to the owner\'s own apps, but not tel:, file: or custom schemes', () => {
    expect(decideNavigation('sms:?&body=Reply%20YES')).toEqual({ action: 'deny', openExternal: true });
    expect(decideNavigation('mailto:?subject=Hi&body=Reply%20YES')).toEqual({ action: 'deny', openExternal: true });
    for (const url of ['tel:+34600112233', 'file:///etc/passwd', 'ms-settings:privacy', 'whatsapp://send?phone=1']) {
      expect(decideNavigation(url)).toEqual({ action: 'deny', openExternal: false });
    }
  });

  it('allows a configured extra host only when asked to', () => {
    expect(decideWindowOpen('https://shop.example/menu').openExternal).toBe(false);
    expect(decideWindowOpen('https://shop.example/menu', ['shop.example']).openExternal).toBe(true);
  });

  it('keeps navigation inside the app origin and nowhere else', () => {
    expect(decideNavigation('app://outreach/index.html#/settings')).toEqual({ action: 'allow' });
    expect(decideNavigation('app://outreach/')).toEqual({ action: 'allow' });
    expect(decideNavigation('app://evil/index.html').action).toBe('deny');
    expect(decideNavigation('app://outreach@evil/index.html').action).toBe('deny');
    expect(decideNavigation('app://print/x.html').action).toBe('deny');
    expect(isAppUrl('app://outreach.evil/')).toBe(false);
  });

  it('lets sub-frames show only our own pages, our own blobs and empty documents', () => {
    expect(decideFrameNavigation('app://outreach/poster.html').action).toBe('allow');
    expect(decideFrameNavigation('blob:app://outreach/6f1c…').action).toBe('allow');
    expect(decideFrameNavigation('about:srcdoc').action).toBe('allow');
    expect(decideFrameNavigation('blob:https://evil.com/1').action).toBe('deny');
    expect(decideFrameNavigation('data:text/html,hi').action).toBe('deny');
    expect(decideFrameNavigation(WA_ME)).toEqual({ action: 'deny', openExternal: false });
  });

  it('refuses every permission the app does not use, even for its own origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'pointerLock']) {
      expect(decidePermission(permission, ['app://outreach'])).toBe(false);
    }
  });

  it.each(['clipboard-sanitized-write', 'fullscreen'])('grants %s to app://outreach only', (permission) => {
    expect(decidePermission(permission, ['app://outreach'])).toBe(true);
    expect(decidePermission(permission, ['app://outreach', 'app://outreach/index.html#/counter'])).toBe(true);
    for (const foreign of ['https://evil.example', 'http://127.0.0.1:5173', 'app://other', 'file:///', 'blob:https://evil.example/1', 'null', 'devtools://devtools']) {
      expect(decidePermission(permission, [foreign]), foreign).toBe(false);
      // One foreign origin among ours is enough to refuse (a foreign frame inside our page).
      expect(decidePermission(permission, ['app://outreach', foreign]), foreign).toBe(false);
    }
    // No origin at all: refused.
    expect(decidePermission(permission, [])).toBe(false);
    expect(decidePermission(permission, [undefined, null, ''])).toBe(false);
  });
});

describe('guards on a WebContents', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal });
    return { contents, openExternal };
  }

  it('prevents will-navigate to a foreign origin without opening it', () => {
    const { contents, openExternal } = guarded();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://evil.example/phish');
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('turns a click on a wa.me link into the system browser, not a navigation', () => {
    const { contents, openExternal } = guarded();
    const event = fakeEvent();
    contents.emit('will-navigate', event, WA_ME);
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith(WA_ME);
  });

  it('lets in-app navigation through', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://outreach/index.html');
    expect(event.defaultPrevented).toBe(false);
  });

  it('refuses redirects away from the app, even to wa.me, and opens nothing', () => {
    const { contents, openExternal } = guarded();
    for (const url of ['http://evil.example/', WA_ME]) {
      const event = fakeEvent();
      contents.emit('will-redirect', event, url, false, true);
      expect(event.defaultPrevented).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame navigating to a foreign page', () => {
    const { contents } = guarded();
    const foreign = fakeEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', foreign);
    expect(foreign.defaultPrevented).toBe(true);
    const own = fakeEvent({ url: 'app://outreach/poster.html', isMainFrame: false });
    contents.emit('will-frame-navigate', own);
    expect(own.defaultPrevented).toBe(false);
  });

  it('denies every window.open and opens only wa.me externally', () => {
    const { contents, openExternal } = guarded();
    for (const url of [...REFUSED, WA_ME, 'app://outreach/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([[WA_ME]]);
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('setupSecurity', () => {
  it('guards every WebContents created from then on', () => {
    const openExternal = vi.fn();
    setupSecurity({ openExternal });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'file:///etc/passwd');
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('denies permission requests and checks in the default session, except our own Copy and full screen', () => {
    setupSecurity({ openExternal: vi.fn() });
    const ses = session.defaultSession;
    const ours = new FakeWebContents();
    ours.url = 'app://outreach/index.html';
    const foreign = new FakeWebContents();
    foreign.url = 'https://evil.example/';
    for (const permission of ['media', 'notifications', 'geolocation', 'midi', 'pointerLock', 'clipboard-read']) {
      const callback = vi.fn();
      ses.permissionRequestHandler?.(ours, permission, callback, { requestingUrl: 'app://outreach/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.(ours, permission, 'app://outreach', { requestingUrl: 'app://outreach/index.html' })).toBe(false);
    }
    for (const permission of ['clipboard-sanitized-write', 'fullscreen']) {
      const granted = vi.fn();
      ses.permissionRequestHandler?.(ours, permission, granted, { requestingUrl: 'app://outreach/index.html' });
      expect(granted).toHaveBeenCalledWith(true);
      expect(ses.permissionCheckHandler?.(ours, permission, 'app://outreach', { requestingUrl: 'app://outreach/index.html' })).toBe(true);
      // The check handler may get no WebContents: the origin alone decides.
      expect(ses.permissionCheckHandler?.(null, permission, 'app://outreach', {})).toBe(true);
      const refused = vi.fn();
      ses.permissionRequestHandler?.(foreign, permission, refused, { requestingUrl: 'https://evil.example/' });
      expect(refused).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.(foreign, permission, 'https://evil.example', { requestingUrl: 'https://evil.example/' })).toBe(false);
      expect(ses.permissionCheckHandler?.(null, permission, 'https://evil.example', {})).toBe(false);
      // Our page's WebContents asked on behalf of a foreign frame: refused.
      expect(ses.permissionCheckHandler?.(ours, permission, 'https://evil.example', { requestingUrl: 'https://evil.example/x' })).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels every remote request from the renderer', () => {
    setupSecurity({ openExternal: vi.fn() });
    const callback = vi.fn();
    session.defaultSession.beforeRequest?.listener({ url: 'https://evil.example/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(session.defaultSession.beforeRequest?.filter).toEqual({
      urls: expect.arrayContaining(['http://*/*', 'https://*/*']),
    });
  });

  it('puts our CSP on app:// responses, replacing any other, and leaves other responses alone', () => {
    setupSecurity({ openExternal: vi.fn() });
    const onHeaders = session.defaultSession.headersReceived!;
    const ours = vi.fn();
    onHeaders(
      { url: 'app://outreach/index.html', responseHeaders: { 'Content-Security-Policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      ours,
    );
    const headers = ours.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['content-security-policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Security-Policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    const other = vi.fn();
    onHeaders({ url: 'devtools://devtools/x', responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledWith({});
  });
});

describe('main window', () => {
  it('uses locked-down web preferences', () => {
    const { webPreferences } = mainWindowOptions({ preload: '/app/dist/main/preload.cjs' });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('stays hidden until ready-to-show and loads the app:// entry page', async () => {
    const window = createMainWindow({ preload: '/p.cjs' }) as unknown as BrowserWindow;
    expect(window.options.show).toBe(false);
    await Promise.resolve();
    expect(window.webContents.getURL()).toBe('app://outreach/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
