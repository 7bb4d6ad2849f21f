/**
 * The webhook receiver's HTTP layer: Meta's verification handshake, signature check on the raw body,
 * parsing into typed events, dedupe, and a 200 only once the app has handled the events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { verifySignature } from '../cloud/signature';
import { SeenKeys } from './dedupe';
import { parseWebhookPayload, type WebhookEvent } from './events';
import { describeOtherNumber, isForOtherNumber, type OwnNumber } from './own-number';

/** What one POST delivered: only events not seen before reach the app. */
export interface WebhookBatch {
  events: WebhookEvent[];
  /** Events dropped as already handled (kept for counters and logs). */
  duplicates: WebhookEvent[];
  /** Parts of the payload that could not be understood. */
  problems: string[];
  receivedAt: number;
}

/** A log line without secrets or message contents. */
export interface WebhookLogEntry {
  level: 'info' | 'warn';
  event: 'rejected_signature' | 'no_app_secret' | 'bad_json' | 'too_large' | 'problems' | 'handler_failed' | 'verified' | 'verify_refused' | 'other_number';
  detail?: string;
}

/** Settings of the receiver; side effects are injected. */
export interface WebhookReceiverOptions {
  verifyToken: string | (() => string);
  /** Undefined while the owner has not configured it: POSTs then get 503 so Meta retries later. */
  getAppSecret: () => string | undefined;
  /**
   * Handles the new events durably. The 200 is sent only after it resolves: if it throws, the answer is 500,
   * the keys stay unseen and Meta's retry delivers them again. Keep it fast (Meta expects answers in well under a second).
   */
  onPayload: (batch: WebhookBatch) => void | Promise<void>;
  /** Persistent dedupe across restarts, consulted when the in-memory memory has not seen the key. */
  isDuplicate?: (key: string, event: WebhookEvent) => boolean | Promise<boolean>;
  port?: number;
  host?: string;
  /** The callback path Meta is given. Default "/webhook". */
  path?: string;
  clock?: () => number;
  maxBodyBytes?: number;
  /** How many handled keys to remember in memory. Default 50,000. */
  dedupeCapacity?: number;
  log?: (entry: WebhookLogEntry) => void;
  /**
   * This shop's number: events about another number or account are dropped (counted in stats().otherNumber and
   * logged) before they reach the app. Unset: everything is passed on (tests of the parser alone).
   */
  ownNumber?: () => OwnNumber | undefined;
}

/** Counters for the settings page and tests. */
export interface WebhookReceiverStats {
  accepted: number;
  rejected: number;
  events: number;
  duplicates: number;
  failures: number;
  /** Events dropped because they were about another business number or account. */
  otherNumber: number;
}

/** A receiver; call start() to listen. */
export interface WebhookReceiver {
  start(): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  /** The listening URL of the callback path, once started. */
  readonly url: string | undefined;
  stats(): WebhookReceiverStats;
}

/** Creates the receiver (not yet listening). */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/webhook';
  const clock = options.clock ?? Date.now;
  const maxBody = options.maxBodyBytes ?? 3 * 1024 * 1024;
  const seen = new SeenKeys(options.dedupeCapacity ?? 50_000);
  const log = options.log ?? (() => undefined);
  const counters: WebhookReceiverStats = { accepted: 0, rejected: 0, events: 0, duplicates: 0, failures: 0, otherNumber: 0 };
  const sockets = new Set<Socket>();
  let url: string | undefined;
  // One batch at a time: a retry racing its original can then never be handled twice.
  let queue: Promise<unknown> = Promise.resolve();

  const server = createServer((req, res) => {
    void route(req, res).catch(() => answer(res, 500, 'Internal error'));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'http://receiver.invalid');
    if (target.pathname !== path) return answer(res, 404, 'Not found');
    if (req.method === 'GET') return verify(target.searchParams, res);
    if (req.method !== 'POST') return answer(res, 405, 'Method not allowed');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return refuse(req, res, 413, 'too_large');
    const raw = await readRaw(req, maxBody);
    if (raw === undefined) return refuse(req, res, 413, 'too_large');
    const secret = options.getAppSecret();
    if (!secret) {
      log({ level: 'warn', event: 'no_app_secret' });
      return answer(res, 503, 'Not configured');
    }
    if (!verifySignature(raw, req.headers['x-hub-signature-256'], secret)) {
      counters.rejected++;
      log({ level: 'warn', event: 'rejected_signature' });
      return answer(res, 403, 'Forbidden');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      log({ level: 'warn', event: 'bad_json' });
      return answer(res, 400, 'Bad JSON');
    }
    const handled = queue.then(() => handle(json));
    queue = handled.catch(() => undefined);
    try {
      await handled;
      counters.accepted++;
      answer(res, 200, 'OK');
    } catch (error) {
      counters.failures++;
      log({ level: 'warn', event: 'handler_failed', detail: (error as Error)?.message });
      answer(res, 500, 'Handler failed');
    }
  }

  async function handle(json: unknown): Promise<void> {
    const receivedAt = clock();
    const parsed = parseWebhookPayload(json, receivedAt);
    const { problems } = parsed;
    const events = ownOnly(parsed.events);
    if (problems.length > 0) log({ level: 'info', event: 'problems', detail: problems.join('; ') });
    const fresh: WebhookEvent[] = [];
    const duplicates: WebhookEvent[] = [];
    const batchKeys = new Set<string>();
    for (const event of events) {
      const dup = batchKeys.has(event.key) || seen.has(event.key) || (options.isDuplicate ? await options.isDuplicate(event.key, event) : false);
      batchKeys.add(event.key);
      (dup ? duplicates : fresh).push(event);
    }
    counters.duplicates += duplicates.length;
    if (fresh.length > 0) await options.onPayload({ events: fresh, duplicates, problems, receivedAt });
    for (const event of fresh) seen.add(event.key);
    for (const event of duplicates) seen.add(event.key);
    counters.events += fresh.length;
  }

  /** Drops (and counts) what concerns another number; answered 200 all the same, so Meta does not retry it. */
  function ownOnly(events: WebhookEvent[]): WebhookEvent[] {
    const own = options.ownNumber?.();
    if (!own) return events;
    return events.filter((event) => {
      if (!isForOtherNumber(event, own)) return true;
      counters.otherNumber++;
      log({ level: 'warn', event: 'other_number', detail: describeOtherNumber(event) });
      return false;
    });
  }

  function verify(query: URLSearchParams, res: ServerResponse): void {
    const expected = typeof options.verifyToken === 'function' ? options.verifyToken() : options.verifyToken;
    const challenge = query.get('hub.challenge') ?? '';
    const ok =
      query.get('hub.mode') === 'subscribe' &&
      expected !== '' &&
      sameText(query.get('hub.verify_token') ?? '', expected) &&
      /^[A-Za-z0-9_.-]{1,256}$/.test(challenge);
    log({ level: ok ? 'info' : 'warn', event: ok ? 'verified' : 'verify_refused' });
    if (ok) answer(res, 200, challenge);
    else answer(res, 403, 'Forbidden');
  }

  return {
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      url = `http://${host}:${port}${path}`;
      return { url, port };
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      // Handlers already running finish before the app closes the stores they write to (their answer is lost with
      // the socket, so Meta sends those events again; dedupe makes that harmless).
      await queue;
    },
    get url() {
      return url;
    },
    stats: () => ({ ...counters }),
  };

  function refuse(req: IncomingMessage, res: ServerResponse, status: number, event: WebhookLogEntry['event']): void {
    log({ level: 'warn', event });
    res.setHeader('connection', 'close');
    answer(res, status, 'Payload too large');
    req.resume();
  }
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
