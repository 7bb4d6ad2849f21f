import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The custom scheme the renderer is served from; a real origin, unlike file://. */
export const APP_SCHEME = 'app';
/** The one host the app protocol answers for. */
export const APP_HOST = 'outreach';
/** The renderer's origin, the only one trusted for navigation and IPC. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Where the recovery page is served from (a folder of its own in dist/main, mounted into the app origin). */
export const RECOVERY_PREFIX = 'recovery';
/** What the recovery window loads after a failed start. */
export const RECOVERY_URL = `${APP_ORIGIN}/${RECOVERY_PREFIX}/index.html`;

/** Extra folders served under a first path segment of their own: `{ recovery: '/…/dist/main/recovery' }`. */
export type AppMounts = Readonly<Record<string, string>>;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before `app` is ready: a standard, secure scheme gets a proper origin, so same-origin rules,
 * the CSP `'self'` and fetch of our own assets work without bypassing any web security.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps an app:// URL to a file under `rootDir`, or null when the host is foreign or the path would leave
 * the root (`..`, encoded separators, NUL bytes) — the renderer must never read arbitrary files.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, mounts: AppMounts = {}): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // An encoded backslash or NUL is never a legitimate asset name; refuse rather than normalise.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  let relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  let base = rootDir;
  const [first, ...rest] = relative.split('/');
  if (first !== undefined && rest.length > 0 && Object.hasOwn(mounts, first)) {
    base = mounts[first] as string;
    relative = rest.join('/');
  }
  const root = path.resolve(base);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

/** Reads one file; injected so the handler is testable without a disk layout. */
export type ReadAsset = (file: string) => Promise<Uint8Array>;

/** The app:// request handler: serves the built renderer with the CSP header, 404 for anything else. */
export function createAppProtocolHandler(
  rootDir: string,
  read: ReadAsset = (file) => readFile(file),
  mounts: AppMounts = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const file = resolveAppPath(request.url, rootDir, mounts);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
      status: 200,
      headers: {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        ...SECURITY_HEADERS,
      },
    });
  };
}

/** Headers every app:// response carries (the CSP is also repeated in index.html). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function notFound(status = 404): Response {
  return new Response('Not found.', { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/**
 * Serves `rootDir` (the vite output) on app://outreach/ for the default session, and each mount under its own first
 * path segment (the recovery page). Call after ready, before anything that can fail: the recovery window needs it.
 */
export function setupAppProtocol(rootDir: string, mounts: AppMounts = {}): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, undefined, mounts));
}
