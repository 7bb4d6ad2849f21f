/** Deterministic outbox ids per campaign and contact, so queueing a campaign again never queues anyone twice. */
import { sha256 } from '@noble/hashes/sha2.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id: the campaign id's 10-character time part (so a campaign's items sort together) followed by 16
 * characters of SHA-256(campaignId, contactId). The same pair always gives the same id; the outbox treats a known
 * id as already queued.
 */
export function campaignItemId(campaignId: string, contactId: string): string {
  const digest = sha256(new TextEncoder().encode(`${campaignId}\u0000${contactId}`));
  let tail = '';
  // 16 characters × 5 bits = 80 bits, read from the first 10 bytes.
  let bits = 0;
  let acc = 0;
  for (let i = 0; tail.length < 16; i++) {
    acc = (acc << 8) | digest[i]!;
    bits += 8;
    while (bits >= 5 && tail.length < 16) {
      bits -= 5;
      tail += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  const head = /^[0-7][0-9A-HJKMNP-TV-Z]{9}/.test(campaignId) ? campaignId.slice(0, 10) : '0000000000';
  return head + tail;
}
