import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contract, ErrorCodes, type ChannelDef, type Result } from '../shared/contract';
import type { Dispatch } from './dispatch';
import { BodyBudget, readBody, type BodyStats } from './web-bridge-body';
import type { EventBus } from './services/event-bus';
import { CONTENT_SECURITY_POLICY } from './csp';

export type { BodyStats } from './web-bridge-body';

/** Where the bridge listens and what it serves. */
export interface WebBridgeOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /** The built renderer (vite output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** The body limit of channels that declare none in the contract. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Bodies read at the same time at most; more get 503. Default 4. */
  maxConcurrentBodies?: number;
  /** Bytes all bodies being read may declare together (Content-Length, else their limit); beyond it 503. Default 128 MiB. */
  maxBufferedBytes?: number;
  /** Printable documents (posters, proof packs) by job id, served at /print/<id> for the browser's print dialog. */
  printDocument?: (id: string) => string | undefined;
}

/** A running bridge. */
export interface WebBridge {
  url: string;
  port: number;
  token: string;
  /** Bodies being read now and the bytes held for them: what bounds the bridge's memory. */
  bodyStats(): BodyStats;
  close(): Promise<void>;
}


/** Most channels carry a few fields; a file upload declares its own limit next to its channel in the contract. */
const DEFAULT_MAX_BODY = 256 * 1024;

const TOKEN_META = 'od-bridge-token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The main-process contract over loopback HTTP for the browser build and the end-to-end tests.
 * Guards: bound to 127.0.0.1 only; Host must be our own (no DNS rebinding); a foreign Origin is refused
 * (no cross-site calls); every API call carries the per-run token that only our own page contains.
 * Bodies: each channel's limit comes from the contract (small by default); a too-large Content-Length is refused
 * before reading and a chunked body as soon as it passes the limit (413); few bodies are read at once (503 beyond).
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const defaultLimit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const bodies = new BodyBudget(options.maxConcurrentBodies ?? 4, options.maxBufferedBytes ?? 128 * 1024 * 1024);
  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: ErrorCodes.internal, message: 'Bridge error.' } });
      else res.destroy();
    });
  });

  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = () => ownHosts().map((host) => `http://${host}`);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!ownHosts().includes(host)) return sendText(res, 403, 'Forbidden host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin.toLowerCase())) {
      return send(res, 403, errorResult('forbidden_origin', 'Cross-site requests are refused.'));
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return send(res, 403, errorResult('forbidden_origin', 'Cross-site requests are refused.'));
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    // A malformed %-escape is the caller's mistake (400), never the bridge's (500).
    const pathname = decodePath(url.pathname);
    if (pathname === undefined) {
      return send(res, 400, errorResult(ErrorCodes.invalidArgument, 'The address has a malformed %-escape.'), CLOSE);
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice(5));
    if (url.pathname === '/events') return handleEvents(req, res, url);
    if (url.pathname.startsWith('/print/')) return servePrint(res, url.pathname.slice(7));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(res, pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, errorResult('method_not_allowed', 'Use POST for API calls.'));
    if (!tokenMatches(req.headers['x-bridge-token'], token)) {
      return send(res, 401, errorResult('unauthorized', 'Missing or wrong bridge token. Reload the page.'));
    }
    const limit = channelLimit(channel) ?? defaultLimit;
    const declared = declaredLength(req);
    // Refused before a byte is read: the client said how much it would send.
    if (declared !== undefined && declared > limit) return refuseBody(req, res, 413, tooLarge(limit));
    const slot = bodies.acquire(declared ?? limit);
    if (slot === undefined) {
      return refuseBody(req, res, 503, errorResult('busy', 'The app is busy reading other requests. Try again in a moment.'), {
        'retry-after': '1',
      });
    }
    let raw: Buffer;
    try {
      const read = await readBody(req, limit, slot);
      if (read === 'aborted') return;
      if (read === 'too_large') return refuseBody(req, res, 413, tooLarge(limit));
      raw = read;
    } finally {
      // The buffer goes to JSON.parse next; the slot is for reading, so the next body need not wait for the handler.
      slot.release();
    }
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, errorResult(ErrorCodes.invalidArgument, 'The request body is not valid JSON.'));
    }
    const result = await options.dispatch(channel, body, { transport: 'web-bridge' });
    send(res, statusFor(result), result);
  }

  /** Answers without reading the (rest of the) body, and hangs up so the client stops sending it. */
  function refuseBody(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body: Result<never>,
    headers: Record<string, string> = {},
  ): void {
    send(res, status, body, { ...CLOSE, ...headers });
    // Whatever still arrives before the close is discarded, never buffered.
    req.removeAllListeners('data');
    req.resume();
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      return send(res, 401, errorResult('unauthorized', 'Missing or wrong bridge token.'));
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const stop = options.bus.listen((event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    req.on('close', stop);
  }

  function servePrint(res: http.ServerResponse, id: string): void {
    const html = /^[0-9a-f]{32}$/.test(id) ? options.printDocument?.(id) : undefined;
    if (html === undefined) return sendText(res, 404, 'This print job has expired. Print again from the app.');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // A print document is inert: its own inline styles and embedded images, no script, no requests.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(html);
  }

  /** `pathname` is already decoded. */
  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    const root = path.resolve(options.staticDir);
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return sendText(res, 404, 'Not found.');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendText(res, 404, 'Not found.');
    }
    const ext = path.extname(file);
    if (ext === '.html') {
      content = Buffer.from(
        content.toString('utf8').replace('<head>', `<head><meta name="${TOKEN_META}" content="${token}">`),
      );
    }
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    bodyStats: () => bodies.stats(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CLOSE = { connection: 'close' };

/** The body limit the contract declares for a channel, if the channel exists and declares one. */
function channelLimit(channel: string): number | undefined {
  return Object.hasOwn(contract, channel) ? (contract[channel as keyof typeof contract] as ChannelDef).maxBodyBytes : undefined;
}

/** The Content-Length, when the request has a valid one (chunked requests have none). */
function declaredLength(req: http.IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** The decoded path, or undefined for a malformed %-escape. */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/** The 413 answer, naming the limit so the caller knows what to split. */
function tooLarge(limit: number): Result<never> {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} KB`;
  return errorResult('too_large', `The request is too large (at most ${size} for this call).`);
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200;
  switch (result.error.code) {
    case ErrorCodes.invalidArgument:
      return 400;
    case ErrorCodes.unknownChannel:
    case ErrorCodes.notFound:
      return 404;
    case ErrorCodes.ownerPinRequired:
      return 403;
    case ErrorCodes.internal:
      return 500;
    default:
      return 422;
  }
}

function errorResult(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
