import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ErrorCodes, type Result } from '../shared/contract';
import type { Dispatch } from './dispatch';
import type { EventBus } from './services/event-bus';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Where the bridge listens and what it serves. */
export interface WebBridgeOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /** The built renderer (vite output). */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** Printable documents (posters, proof packs) by job id, served at /print/<id> for the browser's print dialog. */
  printDocument?: (id: string) => string | undefined;
}

/** A running bridge. */
export interface WebBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

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
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
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
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (url.pathname === '/events') return handleEvents(req, res, url);
    if (url.pathname.startsWith('/print/')) return servePrint(res, url.pathname.slice(7));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, errorResult('method_not_allowed', 'Use POST for API calls.'));
    if (!tokenMatches(req.headers['x-bridge-token'], token)) {
      return send(res, 401, errorResult('unauthorized', 'Missing or wrong bridge token. Reload the page.'));
    }
    let body: unknown;
    try {
      const raw = await readBody(req, maxBody);
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      return send(
        res,
        tooLarge ? 413 : 400,
        errorResult(ErrorCodes.invalidArgument, tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.'),
      );
    }
    const result = await options.dispatch(channel, body, { transport: 'web-bridge' });
    send(res, statusFor(result), result);
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

  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    const root = path.resolve(options.staticDir);
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
