import { app, session, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './services/external-links';
import { APP_ORIGIN, SECURITY_HEADERS } from './protocol';

/** What to do with a navigation: stay, or refuse and perhaps hand the URL to the system browser. */
export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternal: boolean };

/** What to do with window.open / target=_blank: never a new Electron window. */
export type WindowOpenDecision = { action: 'deny'; openExternal: boolean };

/** True only for URLs on the app's own origin (scheme, host and port all equal, no credentials). */
export function isAppUrl(raw: string, appOrigin: string = APP_ORIGIN): boolean {
  try {
    const url = new URL(raw);
    const origin = new URL(appOrigin);
    // URL.origin is "null" for custom schemes in Node, so compare the parts that make an origin.
    return (
      url.protocol === origin.protocol &&
      url.host === origin.host &&
      url.host !== '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * Main-frame navigation: only within the app's origin. Anything else is refused; a wa.me link
 * (or an extra host the shop configured) is opened in the system browser instead.
 */
export function decideNavigation(
  url: string,
  appOrigin: string = APP_ORIGIN,
  extraHosts: readonly string[] = [],
): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternal: isAllowedExternalUrl(url, extraHosts) };
}

/**
 * Sub-frame navigation (poster previews): our own origin, our own blob: URLs and empty documents only.
 * Nothing is ever opened externally from a frame the user did not click in.
 */
export function decideFrameNavigation(url: string, appOrigin: string = APP_ORIGIN): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  if (url === 'about:blank' || url === 'about:srcdoc') return { action: 'allow' };
  if (url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length), appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternal: false };
}

/** New windows are always refused; allowed wa.me links go to the system browser. */
export function decideWindowOpen(url: string, extraHosts: readonly string[] = []): WindowOpenDecision {
  return { action: 'deny', openExternal: isAllowedExternalUrl(url, extraHosts) };
}

/**
 * The only permissions the app uses: writing to the clipboard (every Copy button, the widget snippet) and full
 * screen (the counter and kiosk screens). Nothing in the renderer reads the clipboard, so `clipboard-read` stays
 * refused like camera, microphone, notifications, geolocation, HID…
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/**
 * One permission decision: granted only when the permission is one the app needs and every origin Chromium told us
 * about (requesting origin, requesting URL, the WebContents' own URL) is the app's own app:// origin. An unknown
 * origin counts as foreign.
 */
export function decidePermission(
  permission: string,
  origins: readonly (string | null | undefined)[] = [],
  appOrigin: string = APP_ORIGIN,
): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  const known = origins.filter((origin): origin is string => typeof origin === 'string' && origin !== '');
  return known.length > 0 && known.every((origin) => isAppUrl(origin, appOrigin));
}

/** The URL of a WebContents, or undefined when there is none or it is gone (the check handler may get null). */
function contentsUrl(contents: WebContents | null | undefined): string | undefined {
  if (!contents || contents.isDestroyed()) return undefined;
  return contents.getURL();
}

/** What the guards need from the outside world. */
export interface SecurityDeps {
  /** Opens an already-vetted URL in the system browser. */
  openExternal(url: string): void;
  appOrigin?: string;
  /** Extra hosts (the shop's configured links) that may be opened externally. */
  extraHosts?: () => readonly string[];
}

/** Applies the navigation, window-open and webview guards to one WebContents. */
export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  const appOrigin = deps.appOrigin ?? APP_ORIGIN;
  const extra = () => deps.extraHosts?.() ?? [];
  const guardMainFrame = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, appOrigin, extra());
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternal) deps.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => guardMainFrame(event, url));
  contents.on('will-redirect', (event, url, _inPlace, isMainFrame) => {
    // A redirect is never a click: refuse anything foreign without opening it.
    const decision = isMainFrame ? decideNavigation(url, appOrigin) : decideFrameNavigation(url, appOrigin);
    if (decision.action === 'deny') event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // will-navigate already decided
    if (decideFrameNavigation(event.url, appOrigin).action === 'deny') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, extra());
    if (decision.openExternal) deps.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission handlers and headers for one session: only our origin's few permissions, CSP on app:// responses. */
export function hardenSession(ses: Session, appOrigin: string = APP_ORIGIN): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(decidePermission(permission, [details?.requestingUrl, contentsUrl(contents)], appOrigin)),
  );
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    decidePermission(permission, [requestingOrigin, details?.requestingUrl, contentsUrl(contents)], appOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // No remote content: the renderer talks to main over IPC only; main makes its own calls through a separate session.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  // The protocol handler already sets these; repeating them here covers any response it did not build.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appOrigin)) return callback({});
    const ours = new Set(Object.keys(SECURITY_HEADERS));
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (!ours.has(name.toLowerCase())) headers[name] = value;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers[name] = [value];
    callback({ responseHeaders: headers });
  });
}

/** Installs every guard: call once, after `ready`, before the first window is created. */
export function setupSecurity(deps: SecurityDeps): void {
  hardenSession(session.defaultSession, deps.appOrigin);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}
