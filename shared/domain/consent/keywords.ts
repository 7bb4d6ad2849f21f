/** What a whole inbound message asks for. */
export type KeywordIntent = 'stop' | 'start' | 'help';

/** Owner-added words per intent (localised keywords), on top of the defaults. */
export interface ExtraKeywords {
  stop?: readonly string[];
  start?: readonly string[];
  help?: readonly string[];
}

/** CTIA's stop words plus localised ones from consent.md (es, pt, fr, id/ms, de, hi). */
export const DEFAULT_STOP_KEYWORDS: readonly string[] = [
  'STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPT OUT', 'OPTOUT',
  'PARAR', 'ALTO', 'ARRÊT', 'BAJA', 'CANCELAR', 'SAIR', 'BERHENTI', 'STOPP',
  'रुकें', 'रुको', 'बंद',
];

/** Confirmation / resubscribe words (CTIA START/UNSTOP plus consent.md's localised yes). */
export const DEFAULT_START_KEYWORDS: readonly string[] = [
  'YES', 'Y', 'START', 'UNSTOP', 'JOIN', 'SUBSCRIBE', 'OK',
  'SI', 'SÍ', 'SIM', 'OUI', 'JA', 'YA',
  // Both spellings of Hindi "yes": candrabindu (हाँ) is correct, anusvara (हां) is what most keyboards produce.
  'हाँ', 'हां',
];

/** Program-information requests. */
export const DEFAULT_HELP_KEYWORDS: readonly string[] = ['HELP', 'INFO', 'AYUDA', 'AJUDA', 'AIDE', 'HILFE', 'मदद'];

/**
 * Folds a message for keyword matching: NFKC, Latin accents dropped (é → E) but combining marks of other scripts
 * kept, because in Devanagari they are part of the letters (रुकें without its vowel signs is another word);
 * punctuation, symbols and emoji removed; upper case; spaces removed so "OPT OUT", "opt-out" and "OptOut" agree.
 */
export function foldKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .normalize('NFKC')
    .replace(/(?:[\p{P}\p{S}\p{Extended_Pictographic}\p{Emoji_Modifier}\u200B-\u200D\u2060]|\uFE0E|\uFE0F|\u20E3)/gu, ' ')
    .toUpperCase()
    .replace(/\s+/gu, '');
}

function matches(folded: string, words: readonly string[] | undefined): boolean {
  return folded !== '' && (words ?? []).some((word) => foldKeyword(word) === folded);
}

/**
 * Classifies an inbound message that consists of a keyword and nothing else ("stop", "Stop!", "ARRET 🙏", "रुकें").
 * Stop is checked first so that a word configured as both never keeps someone subscribed.
 * `JOIN <code>` is not a whole-message keyword: use parseJoinCode for it.
 */
export function classifyKeyword(messageText: string, extra: ExtraKeywords = {}): KeywordIntent | null {
  const folded = foldKeyword(messageText);
  if (folded === '') return null;
  if (matches(folded, DEFAULT_STOP_KEYWORDS) || matches(folded, extra.stop)) return 'stop';
  if (matches(folded, DEFAULT_START_KEYWORDS) || matches(folded, extra.start)) return 'start';
  if (matches(folded, DEFAULT_HELP_KEYWORDS) || matches(folded, extra.help)) return 'help';
  return null;
}

const JOIN_CODE = /^JOIN[\s:#-]+([A-Za-z0-9]{1,32})$/i;

/**
 * The code of a `JOIN <code>` message (what the website widget prefills), as typed; compare it case-insensitively.
 * Tolerates surrounding spaces, trailing punctuation and emoji; anything else in the message means no code.
 */
export function parseJoinCode(text: string): string | undefined {
  const trimmed = text
    .normalize('NFKC')
    .replace(/(?:[\p{P}\p{S}\p{Extended_Pictographic}\s]|\u200D|\uFE0F)+$/u, '')
    .trim();
  return JOIN_CODE.exec(trimmed)?.[1];
}
