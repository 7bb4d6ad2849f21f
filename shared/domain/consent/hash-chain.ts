import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  ConsentEventSchema,
  ConsentEvidenceSchema,
  NewConsentEventSchema,
  quickParseNewConsentEvent,
  type ConsentEvent,
  type NewConsentEvent,
} from './event';

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
  return canonical(value, undefined);
}

/** The hash an event must carry: sha256hex(prevHash + canonical JSON of every field except `hash`). */
export function computeEventHash(event: Omit<ConsentEvent, 'hash'> & { hash?: string }): string {
  return textHash(event.prevHash + canonical(event, 'hash'));
}

// The engine's JSON.stringify over a copy with sorted keys gives the canonical bytes several times faster than
// building them member by member; the copy is refused (and the member-by-member path used) for anything that
// JSON.stringify would render differently: non-finite numbers, functions, toJSON objects, index-like keys.
const UNSORTABLE = Symbol('unsortable');

function sortedCopy(value: unknown, skipKey: string | undefined): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSORTABLE;
  if (typeof value !== 'object') return UNSORTABLE;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return UNSORTABLE;
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return UNSORTABLE;
      const item = value[i] === undefined ? null : sortedCopy(value[i], undefined);
      if (item === UNSORTABLE) return UNSORTABLE;
      items[i] = item;
    }
    return items;
  }
  if (proto !== Object.prototype && proto !== null) return UNSORTABLE;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of sortKeys(Object.keys(record))) {
    const member = record[key];
    if (member === undefined || key === skipKey) continue;
    const code = key.charCodeAt(0);
    if (code >= 48 && code <= 57) return UNSORTABLE;
    const copy = sortedCopy(member, undefined);
    if (copy === UNSORTABLE) return UNSORTABLE;
    out[key] = copy;
  }
  return out;
}

/** Array sort's order (UTF-16 code units), in place; for an event's few keys, without the work arrays sort allocates. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function canonical(value: unknown, skipKey: string | undefined): string {
  const sorted = sortedCopy(value, skipKey);
  return sorted === UNSORTABLE ? memberwise(value, skipKey) : JSON.stringify(sorted);
}

function memberwise(value: unknown, skipKey: string | undefined): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => memberwise(item === undefined ? null : item, undefined)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined && key !== skipKey)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${memberwise(record[key], undefined)}`);
  return `{${members.join(',')}}`;
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
  const input = quickParseNewConsentEvent(newEvent) ?? parseWithSchema(newEvent);
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
  const event = unsealed as ConsentEvent;
  event.hash = SEALED_LITERAL_COMPLETE ? textHash(unsealed.prevHash + canonicalSealed(unsealed)) : computeEventHash(unsealed);
  return event;
}

// Every member of a sealed event, and of its evidence, in sorted order. Added to the schema but not here, and sealing
// falls back to the generic canonical JSON instead of leaving the new field out of the hash.
const SEALED_KEYS = [
  'contactId', 'deviceId', 'deviceSeq', 'evidence', 'id', 'locale', 'method', 'occurredAt', 'phone', 'prevHash', 'purpose',
  'recordedAt', 'recordedBy', 'source', 'supersedes', 'textHash', 'textShown', 'textVersion', 'type',
];
const SEALED_EVIDENCE_KEYS = [
  'attester', 'deviceName', 'fileName', 'inboundBody', 'inboundMessageId', 'ip', 'keyword', 'note', 'row', 'staffMember',
  'userAgent', 'widgetCode',
];
const SEALED_LITERAL_COMPLETE =
  Object.keys(ConsentEventSchema.shape).filter((key) => key !== 'hash').sort().join() === SEALED_KEYS.join() &&
  Object.keys(ConsentEvidenceSchema.shape).sort().join() === SEALED_EVIDENCE_KEYS.join();

/**
 * canonicalJson of an event sealEvent just built from parsed input (only the schema's members, plain values): the
 * members written out in sorted order and stringified once, about twice as fast as the generic walk.
 */
function canonicalSealed(e: Omit<ConsentEvent, 'hash'>): string {
  const v = e.evidence;
  const evidence = {
    attester: v.attester, deviceName: v.deviceName, fileName: v.fileName, inboundBody: v.inboundBody,
    inboundMessageId: v.inboundMessageId, ip: v.ip, keyword: v.keyword, note: v.note, row: v.row,
    staffMember: v.staffMember, userAgent: v.userAgent, widgetCode: v.widgetCode,
  };
  return JSON.stringify({
    contactId: e.contactId, deviceId: e.deviceId, deviceSeq: e.deviceSeq, evidence, id: e.id, locale: e.locale,
    method: e.method, occurredAt: e.occurredAt, phone: e.phone, prevHash: e.prevHash, purpose: e.purpose,
    recordedAt: e.recordedAt, recordedBy: e.recordedBy, source: e.source, supersedes: e.supersedes,
    textHash: e.textHash, textShown: e.textShown, textVersion: e.textVersion, type: e.type,
  });
}

function parseWithSchema(newEvent: NewConsentEvent): NewConsentEvent {
  const parsed = NewConsentEventSchema.safeParse(newEvent);
  if (!parsed.success) throw new ConsentEventInvalidError(parsed.error.issues.map((issue) => issue.message));
  return parsed.data;
}

/**
 * Why verification stopped: content edited, link broken (event removed, inserted or moved), chain cut short, or —
 * against an anchor kept apart from the chain — newest events dropped or the whole chain re-sealed.
 */
export type ChainBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'head_mismatch' | 'truncated' | 'rewritten';

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

/**
 * A chain's position at one moment: how many events it had and the hash of the newest. Kept outside the chain (the
 * app's anchors log, every proof pack and backup), it lets anyone detect what the chain alone cannot: its newest
 * events dropped, or every event rewritten and re-sealed with fresh hashes.
 */
export interface ChainAnchor {
  eventCount: number;
  /** hash of event number eventCount (1-based); GENESIS_PREV_HASH for an empty chain. */
  headHash: string;
}

/** The anchor of a chain as it is now. */
export function anchorOf(events: readonly ConsentEvent[]): ChainAnchor {
  return { eventCount: events.length, headHash: events[events.length - 1]?.hash ?? GENESIS_PREV_HASH };
}

/**
 * Checks a chain against an anchor taken earlier: the chain must verify by itself and still hold the anchored
 * events as its beginning — at least eventCount events, the eventCount-th with the anchored hash. Fewer events means
 * events recorded before the anchor were dropped; another hash there means the chain was rewritten and re-sealed.
 */
export function verifyAgainstAnchor(events: readonly ConsentEvent[], anchor: ChainAnchor): ChainVerification {
  const own = verifyChain(events);
  if (!own.ok) return own;
  if (events.length < anchor.eventCount) {
    return {
      ok: false,
      brokenAt: events.length,
      eventId: undefined,
      reason: 'truncated',
      message: `${anchor.eventCount - events.length} of the ${anchor.eventCount} events anchored earlier are missing: the newest events were dropped`,
    };
  }
  const atAnchor = anchor.eventCount === 0 ? GENESIS_PREV_HASH : events[anchor.eventCount - 1]!.hash;
  if (atAnchor !== anchor.headHash) {
    return {
      ok: false,
      brokenAt: anchor.eventCount - 1,
      eventId: events[anchor.eventCount - 1]?.id,
      reason: 'rewritten',
      message: `event ${anchor.eventCount} no longer has the hash anchored earlier: the chain was rewritten and re-sealed`,
    };
  }
  return { ok: true };
}

/** The exact text whose SHA-256 is an event's hash (prevHash followed by its canonical JSON without `hash`). */
export function eventHashInput(event: ConsentEvent): string {
  return event.prevHash + canonicalJson({ ...event, hash: undefined });
}

/**
 * One hash over every contact's anchor, so a single line (kept by the owner, a notary or an auditor) pins the whole
 * shop's consent records: SHA-256 of "contactId eventCount headHash" lines, sorted by contact id, each ending "\n".
 */
export function anchorsRoot(anchors: Iterable<{ contactId: string } & ChainAnchor>): string {
  const lines = [...anchors].map((a) => `${a.contactId} ${a.eventCount} ${a.headHash}\n`).sort();
  return textHash(lines.join(''));
}
