/** HMAC-SHA256 webhook signatures as Meta sends them in `X-Hub-Signature-256`. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` of the raw body, keyed with the app secret. */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * True when the header is a valid signature of exactly these raw bytes.
 * Constant time over equal-length values; a wrong length or format is refused without comparing.
 */
export function verifySignature(rawBody: Buffer | string, header: string | string[] | undefined | null, appSecret: string): boolean {
  if (typeof header !== 'string' || appSecret === '') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
