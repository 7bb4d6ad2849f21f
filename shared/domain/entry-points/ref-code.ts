import type { EntryPointKind } from './types';

/** Characters a ref code may use: no 0/O or 1/I, so nobody misreads a code on a poster or retypes it wrong. */
export const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Length of a generated ref code; longer only when the short space is (nearly) used up. */
export const REF_CODE_LENGTH = 4;
const MAX_LENGTH = 8;
const ATTEMPTS_PER_LENGTH = 200;

const VALID = /^[2-9A-HJ-NP-Z]{4,8}$/;

/**
 * True for a well-formed ref code: 4–8 characters from REF_ALPHABET with at least one letter and one digit,
 * so a code is never an ordinary word ("SHOP") that customers type by chance.
 */
export function isValidRefCode(code: string): boolean {
  return VALID.test(code) && /[2-9]/.test(code) && /[A-Z]/.test(code);
}

/** Upper-cases and trims a ref code the owner typed; the result still needs isValidRefCode. */
export function normalizeRefCode(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * A new ref code not in `existing` (compared case-insensitively). `random` returns [0, 1) and is injected so tests
 * are deterministic; after many collisions the code grows by one character, so this never loops forever.
 */
export function generateRefCode(existing: Iterable<string>, random: () => number, length = REF_CODE_LENGTH): string {
  const taken = new Set<string>();
  for (const code of existing) taken.add(code.toUpperCase());
  for (let len = Math.max(4, length); len <= MAX_LENGTH; len++) {
    for (let attempt = 0; attempt < ATTEMPTS_PER_LENGTH; attempt++) {
      let code = '';
      for (let i = 0; i < len; i++) {
        const index = Math.min(REF_ALPHABET.length - 1, Math.floor(random() * REF_ALPHABET.length));
        code += REF_ALPHABET[index];
      }
      if (isValidRefCode(code) && !taken.has(code)) return code;
    }
  }
  throw new Error('Could not find a free ref code; check that the random source is random.');
}

/** The words appended to a prefilled message, e.g. "(ref A7K2)". */
export function refSuffix(ref: string): string {
  return `(ref ${ref})`;
}

/**
 * The prefilled message with its ref appended so the customer sees what it is: "Hi, is my order ready? (ref A7K2)".
 * `direct` entry points have no prefilled text (the customer saves the contact), so the text is returned unchanged.
 * A text that already ends with this ref is not tagged twice.
 */
export function appendRef(text: string, ref: string, kind: EntryPointKind): string {
  if (kind === 'direct') return text;
  const suffix = refSuffix(ref);
  const body = text.trimEnd();
  if (body === '') return suffix;
  if (body.endsWith(suffix)) return body;
  return `${body} ${suffix}`;
}

// Zero-width characters and joiners that keyboards and copy-paste leave inside words.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The known ref code carried by an inbound message, or undefined. Case-insensitive and tolerant of how people edit a
 * prefilled WhatsApp message: brackets or the word "ref" deleted, "ref:A7K2", "refA7K2", *bold* or _italic_ marks,
 * full-width letters, zero-width characters, text before or after. The code must stand alone (not inside a longer
 * word or number), and a code right after "ref" wins over a bare one.
 */
export function findRefCode(inboundText: string, knownCodes: Iterable<string>): string | undefined {
  const known = new Map<string, string>();
  for (const code of knownCodes) known.set(code.toUpperCase(), code);
  if (known.size === 0) return undefined;
  const text = inboundText.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
  const tokens = text.split(/[^A-Z0-9]+/).filter((t) => t !== '');
  let bare: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('REF') && known.has(token.slice(3))) return known.get(token.slice(3));
    if (known.has(token)) {
      if (tokens[i - 1] === 'REF') return known.get(token);
      bare ??= known.get(token);
    }
  }
  return bare;
}
