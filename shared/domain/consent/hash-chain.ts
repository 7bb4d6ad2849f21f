import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { NewConsentEventSchema, type ConsentEvent, type NewConsentEvent } from './event';

/** prevHash of a contact's first event: there is nothing before it. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** SHA-256 of UTF-8 text as lowercase hex. */
export type Sha256Hex = (text: string) => string;

/** The portable implementation; works in the renderer and in tests. */
export const portableSha256: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

let digest: Sha256Hex = portableSha256;
const recentTexts = new Map<string, string>();

/**
 * Lets the main process plug in the platform's native SHA-256 (identical output, about 3× faster), which matters
 * when an import seals a hundred thousand events.
 */
export function useSha256(implementation: Sha256Hex): void {
  digest = implementation;
  recentTexts.clear();
}

/** SHA-256 of a text as lowercase hex (the `textHash` of the words the customer saw). */
export function textHash(text: string): string {
  return digest(text);
}

/** textHash for consent statements, which repeat across thousands of events: the last few are remembered. */
function statementHash(text: string): string {
  let hash = recentTexts.get(text);
  if (hash === undefined) {
    hash = digest(text);
    if (recentTexts.size >= 32) recentTexts.delete(recentTexts.keys().next().value as string);
    recentTexts.set(text, hash);
  }
  return hash;
}

/**
 * JSON with object keys sorted at every level and undefined members dropped, so the same event always serialises
 * to the same bytes whatever order its fields were built or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** The hash an event must carry: sha256hex(prevHash + canonical JSON of every field except `hash`). */
export function computeEventHash(event: Omit<ConsentEvent, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = event;
  return textHash(event.prevHash + canonicalJson(rest));
}

/** Thrown by sealEvent for input that should have been validated first (use parseNewConsentEvent). */
export class ConsentEventInvalidError extends Error {
  override readonly name = 'ConsentEventInvalidError';
  constructor(readonly problems: string[]) {
    super(`Consent event refused: ${problems.join('; ')}`);
  }
}

/** Where a new event goes: after `prev` (the contact's latest event, if any), written by this device. */
export interface SealOptions {
  prev: ConsentEvent | undefined;
  id: string;
  recordedAt: string;
  deviceId: string;
  deviceSeq: number;
}

/**
 * Turns caller input into a stored event chained after `prev`: validates it, fills textHash from textShown,
 * prevHash/supersedes from prev, and the event's own hash. Throws ConsentEventInvalidError on bad input.
 */
export function sealEvent(newEvent: NewConsentEvent, options: SealOptions): ConsentEvent {
  const parsed = NewConsentEventSchema.safeParse(newEvent);
  if (!parsed.success) throw new ConsentEventInvalidError(parsed.error.issues.map((issue) => issue.message));
  const input = parsed.data;
  const problems: string[] = [];
  if (options.prev && options.prev.contactId !== input.contactId) {
    problems.push(`prev event ${options.prev.id} belongs to contact ${options.prev.contactId}, not ${input.contactId}`);
  }
  let computedTextHash = input.textHash;
  if (input.textShown !== undefined) {
    const actual = statementHash(input.textShown);
    if (input.textHash !== undefined && input.textHash !== actual) problems.push('textHash does not match textShown');
    computedTextHash = actual;
  }
  if (problems.length > 0) throw new ConsentEventInvalidError(problems);
  const unsealed: Omit<ConsentEvent, 'hash'> = {
    id: options.id,
    ...input,
    textHash: computedTextHash,
    recordedAt: options.recordedAt,
    prevHash: options.prev?.hash ?? GENESIS_PREV_HASH,
    deviceId: options.deviceId,
    deviceSeq: options.deviceSeq,
    supersedes: options.prev?.id ?? null,
  };
  return { ...unsealed, hash: computeEventHash(unsealed) };
}

/** Why verification stopped: content edited, link broken (event removed, inserted or moved), or chain cut short. */
export type ChainBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'head_mismatch';

export type ChainVerification =
  | { ok: true }
  | { ok: false; brokenAt: number; eventId: string | undefined; reason: ChainBreakReason; message: string };

/**
 * Checks a contact's events in stored order. Detects edited fields, removed, inserted or reordered events.
 * Removing the newest events is only detectable against a separately kept head hash: pass `headHash`.
 */
export function verifyChain(events: readonly ConsentEvent[], options: { headHash?: string } = {}): ChainVerification {
  let expectedPrev = GENESIS_PREV_HASH;
  for (const [index, event] of events.entries()) {
    if (event.prevHash !== expectedPrev) {
      const message =
        index === 0
          ? `event ${event.id} claims a predecessor but is first: earlier events were removed`
          : `event ${event.id} does not follow event ${events[index - 1]?.id}: an event was removed, inserted or moved`;
      return { ok: false, brokenAt: index, eventId: event.id, reason: 'prev_hash_mismatch', message };
    }
    if (computeEventHash(event) !== event.hash) {
      return {
        ok: false,
        brokenAt: index,
        eventId: event.id,
        reason: 'hash_mismatch',
        message: `event ${event.id} was changed after it was recorded`,
      };
    }
    expectedPrev = event.hash;
  }
  if (options.headHash !== undefined && options.headHash !== expectedPrev) {
    return {
      ok: false,
      brokenAt: events.length,
      eventId: undefined,
      reason: 'head_mismatch',
      message: 'the newest recorded events are missing',
    };
  }
  return { ok: true };
}
