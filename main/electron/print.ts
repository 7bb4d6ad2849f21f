import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';

/** Paper sizes the poster layouts use. */
export type PageSize = 'A3' | 'A4' | 'A5' | 'A6' | 'Letter' | 'Legal' | 'Tabloid';

/** How to print: to a printer (with or without the system dialog) or to a PDF file's bytes. */
export interface PrintOptions {
  /** Print straight to the default printer without the dialog. */
  silent?: boolean;
  /** Make a PDF instead of printing; CSS `@page` size wins over pageSize when the page sets one. */
  toPdf?: { pageSize?: PageSize };
  /** Give up loading after this long (default 30 s). */
  timeoutMs?: number;
}

/** Printing ends in a result: the PDF bytes, "sent to the printer", or the reason it did not happen. */
export type PrintResult = { ok: true; pdf?: Buffer } | { ok: false; reason: string };

/** The partition print jobs render in: in memory, separate from the app's session and its headers. */
export const PRINT_PARTITION = 'outreach-print';
/** Print jobs are served on their own host, never on the app's origin. */
export const PRINT_ORIGIN = 'app://print';
/**
 * Poster HTML is ours, but it contains shop-typed text: no script may run in it, nothing may be fetched
 * from the network, and inline styles (the layouts) are the only thing allowed besides inline images.
 */
export const PRINT_CSP =
  "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; script-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

// The wait-for-images script runs in an isolated world, which the page's CSP does not govern.
const ISOLATED_WORLD_ID = 1001;
const WAIT_FOR_IMAGES = `Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined)))
  .then(() => document.fonts.ready).then(() => true)`;
const DECODE_WAIT_MS = 5_000;

const jobs = new Map<string, string>();
const prepared = new WeakSet<Session>();

/** The print session, set up once: every permission and network request refused, jobs served from memory. */
function getPrintSession(): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (prepared.has(ses)) return ses;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  ses.protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const html = url.host === 'print' ? jobs.get(url.pathname.replace(/^\/|\.html$/g, '')) : undefined;
    if (html === undefined) return new Response('Not found.', { status: 404 });
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRINT_CSP },
    });
  });
  prepared.add(ses);
  return ses;
}

/**
 * Renders `html` in a hidden, sandboxed window, waits until its images are decoded, then prints it or
 * returns a PDF. Served from memory on app://print/ (no temp files, no data: URL size limit).
 */
export async function printHtml(html: string, options: PrintOptions = {}): Promise<PrintResult> {
  const id = randomUUID();
  jobs.set(id, html);
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    // No preload: the page gets nothing from main. The rest as on every window (see window.ts secureWebPreferences).
    webPreferences: {
      session: getPrintSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  });
  let closeInCallback = false;
  try {
    await withTimeout(window.loadURL(`${PRINT_ORIGIN}/${id}.html`), options.timeoutMs ?? 30_000, 'load');
    await withTimeout(
      window.webContents.executeJavaScriptInIsolatedWorld(ISOLATED_WORLD_ID, [{ code: WAIT_FOR_IMAGES }]),
      DECODE_WAIT_MS,
      'decode',
    ).catch(() => undefined); // printing a not-yet-decoded image is better than not printing
    if (options.toPdf) {
      const pdf = await window.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        pageSize: options.toPdf.pageSize ?? 'A4',
      });
      return { ok: true, pdf: Buffer.from(pdf) };
    }
    closeInCallback = true;
    return await new Promise<PrintResult>((resolve) => {
      window.webContents.print({ silent: options.silent ?? false, printBackground: true }, (success, failureReason) => {
        // Closing earlier cancels the job on some platforms: only now is the window done with.
        closeWindow(window);
        resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'Printing did not complete.' });
      });
    });
  } catch (error) {
    closeInCallback = false;
    return { ok: false, reason: error instanceof Error ? error.message : 'Printing failed.' };
  } finally {
    jobs.delete(id);
    if (!closeInCallback) closeWindow(window);
  }
}

function closeWindow(window: BrowserWindow): void {
  if (!window.isDestroyed()) window.destroy();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The page to print took too long (${what}).`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
