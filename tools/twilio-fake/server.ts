/**
 * A loopback fake of Twilio's Messages API (the two calls the app uses), for tests and local trials:
 * `POST /2010-04-01/Accounts/{Sid}/Messages.json` (form-encoded To, From, Body; HTTP basic auth SID:token) records
 * the message exactly as sent, and `GET …/Messages.json?To=<number>` lists inbound messages that tests add with
 * `addInbound`. Responses follow Twilio's JSON shapes (sid, status, direction, date_sent; errors with code/message).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message as the fake stores it (Twilio's field names). */
export interface FakeSms {
  sid: string;
  account_sid: string;
  to: string;
  from: string;
  body: string;
  direction: 'outbound-api' | 'inbound';
  status: 'queued' | 'received';
  date_created: string;
  date_sent: string;
}

/** A running fake: its base URL (set it as the Twilio base URL in the app) and the test controls. */
export interface TwilioFake {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Outbound messages, oldest first, exactly as the app sent them. */
  sent(): FakeSms[];
  /** Adds a customer's reply to the inbound list; returns its sid. */
  addInbound(input: { from: string; to: string; body: string; at?: Date }): string;
  /** Makes the next N send calls fail with this HTTP status and Twilio error code. */
  failNext(count: number, status?: number, code?: number): void;
  close(): Promise<void>;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the fake on 127.0.0.1 (a free port unless one is given). */
export async function startTwilioFake(options: { accountSid?: string; authToken?: string; port?: number; now?: () => Date } = {}): Promise<TwilioFake> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const now = options.now ?? (() => new Date());
  const messages: FakeSms[] = [];
  let failures: { count: number; status: number; code: number } = { count: 0, status: 500, code: 20500 };
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== path) return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
      if (req.headers.authorization !== expectedAuth) return twilioError(res, 401, 20003, 'Authenticate');
      if (req.method === 'POST') {
        if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
          return twilioError(res, 400, 20001, 'Expected a form-encoded body');
        }
        const form = new URLSearchParams(await readBody(req));
        if (failures.count > 0) {
          failures.count--;
          return twilioError(res, failures.status, failures.code, 'Simulated failure');
        }
        const to = form.get('To') ?? '';
        const from = form.get('From') ?? '';
        const body = form.get('Body') ?? '';
        if (!/^\+[1-9]\d{6,14}$/.test(to)) return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
        if (!from) return twilioError(res, 400, 21603, "A 'From' phone number is required.");
        if (!body) return twilioError(res, 400, 21602, 'Message body is required.');
        const at = rfc2822(now());
        const message: FakeSms = {
          sid: sid('SM'), account_sid: accountSid, to, from, body, direction: 'outbound-api', status: 'queued', date_created: at, date_sent: at,
        };
        messages.push(message);
        return json(res, 201, message);
      }
      if (req.method === 'GET') {
        const to = url.searchParams.get('To');
        const from = url.searchParams.get('From');
        const list = messages
          .filter((m) => (!to || m.to === to) && (!from || m.from === from))
          .slice()
          .reverse(); // Twilio lists newest first
        return json(res, 200, { messages: list, page: 0, page_size: list.length, next_page_uri: null, uri: `${path}${url.search}` });
      }
      return twilioError(res, 405, 20004, 'Method not allowed');
    })().catch((error: unknown) => twilioError(res, 500, 20500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    sent: () => messages.filter((m) => m.direction === 'outbound-api').map((m) => ({ ...m })),
    addInbound({ from, to, body, at }) {
      const when = rfc2822(at ?? now());
      const message: FakeSms = {
        sid: sid('SM'), account_sid: accountSid, to, from, body, direction: 'inbound', status: 'received', date_created: when, date_sent: when,
      };
      messages.push(message);
      return message.sid;
    },
    failNext(count, status = 500, code = 20500) {
      failures = { count, status, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
