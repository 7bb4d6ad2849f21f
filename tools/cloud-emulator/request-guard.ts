/**
 * Who may drive the emulator's /_emulator/ control routes: loopback Host only (no DNS rebinding), no cross-site
 * browser request (the same Origin and Sec-Fetch-Site rule as the web bridge, stricter on same-site), a JSON body
 * (a page can post text/plain without a CORS preflight, never application/json) and the per-run token.
 * Plain functions of header values, so any loopback server of the project can share them.
 */
import { timingSafeEqual } from 'node:crypto';

/** Headers the guard reads, as node:http gives them. */
export interface GuardHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
  'content-type'?: string | undefined;
  'x-emulator-token'?: string | string[] | undefined;
}

/** Why a control request was refused, with the status to answer. */
export type GuardRefusal = { status: 401 | 403 | 415; error: string };

/** The Host values of a loopback server on `port`. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/**
 * True when a browser says the request comes from another site: an Origin that is not one of ours, or a
 * Sec-Fetch-Site other than same-origin or none (none = typed in the address bar; tools send neither header).
 */
export function isCrossSiteRequest(headers: Pick<GuardHeaders, 'origin' | 'sec-fetch-site'>, ownOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin !== undefined && !ownOrigins.includes(origin.toLowerCase())) return true;
  const site = headers['sec-fetch-site'];
  if (site === undefined) return false;
  return Array.isArray(site) || (site !== 'same-origin' && site !== 'none');
}

/** True when `given` is exactly `expected`, compared in constant time. */
export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks a control request before its body is read; undefined when it may go on. */
export function checkControlRequest(method: string, headers: GuardHeaders, port: number, token: string): GuardRefusal | undefined {
  const hosts = loopbackHosts(port);
  if (!hosts.includes((headers.host ?? '').toLowerCase())) return { status: 403, error: 'loopback Host only' };
  if (isCrossSiteRequest(headers, hosts.map((h) => `http://${h}`))) return { status: 403, error: 'cross-site requests are refused' };
  if (!tokenMatches(headers['x-emulator-token'], token)) return { status: 401, error: 'missing or wrong x-emulator-token (read it from the started emulator)' };
  if (method !== 'GET' && method !== 'HEAD' && !isJson(headers['content-type'])) {
    return { status: 415, error: 'control requests need Content-Type: application/json' };
  }
  return undefined;
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
