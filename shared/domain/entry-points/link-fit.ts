import { maxQrModules } from './poster-layout';
import type { EntryPoint, ErrorCorrection, PosterSize } from './types';
import { entryPointLink } from './wa-link';

/**
 * Does an entry point's link fit where it goes? The limit that matters is not characters typed but what they become:
 * every non-Latin letter is 6–9 characters once URL-encoded (500 Hindi letters make a 4,500-character link), and a QR
 * code holds at most 2,953 bytes at level L, far fewer at H. Checked as the owner types, so the editor says what to
 * shorten instead of a QR library error.
 */

/** Longest wa.me link we hand out: longer links are cut by some SMS apps, mail clients and older Android intents. */
export const MAX_LINK_LENGTH = 2000;

/**
 * Bytes a QR holds in byte mode per version 1–40 and level (ISO/IEC 18004 table 7; the test checks it against the
 * qrcode library). Byte mode is the worst case of the library's segment choice, so a text that fits here fits there,
 * and checking by table costs nothing per keystroke where building a code takes 50–900 ms.
 */
export const QR_BYTE_CAPACITY: Record<ErrorCorrection, readonly number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858, 929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482, 509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
};

/** Modules on a side of the QR for `text` at a level (quiet zone of 4 included, at most), or undefined when no QR holds it. */
export function qrModules(text: string, errorCorrection: ErrorCorrection): number | undefined {
  const bytes = new TextEncoder().encode(text).length;
  const index = QR_BYTE_CAPACITY[errorCorrection].findIndex((capacity) => capacity >= bytes);
  return index < 0 ? undefined : 17 + 4 * (index + 1) + 8;
}

/** Why a link does not fit, and by how many characters of the prefilled message (from its end) to shorten it. */
export type LinkProblem =
  | { kind: 'link_too_long'; length: number; max: number; over: number }
  | { kind: 'qr_too_long'; errorCorrection: ErrorCorrection; over: number }
  | { kind: 'qr_too_dense'; size: PosterSize; modules: number; maxModules: number; over: number };

export type LinkFit = { ok: true; link: string } | { ok: false; link: string; problems: LinkProblem[] };

type LinkEntry = Pick<EntryPoint, 'kind' | 'prefilledMessage' | 'refCode'>;

/** Smallest number of code points to drop from the end of the message so `fits` holds (the whole message at most). */
function overBy(entry: LinkEntry, fits: (entry: LinkEntry) => boolean): number {
  const chars = [...entry.prefilledMessage];
  let lo = 0; // characters kept that surely fit
  let hi = chars.length;
  if (!fits({ ...entry, prefilledMessage: '' })) return chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits({ ...entry, prefilledMessage: chars.slice(0, mid).join('') })) lo = mid;
    else hi = mid - 1;
  }
  return chars.length - lo;
}

/**
 * Checks the link of an entry point: its length, that a QR at the chosen error correction can hold it, and, when a
 * poster size is given, that the code is coarse enough to scan at the size it prints. Direct entry points (whose QR
 * is the contact card) have no message to shorten and always fit.
 */
export function checkLinkFit(
  e164: string,
  entry: LinkEntry,
  options: { errorCorrection: ErrorCorrection; posterSize?: PosterSize },
): LinkFit {
  const link = entryPointLink(e164, entry);
  if (entry.kind === 'direct') return { ok: true, link };
  const problems: LinkProblem[] = [];
  if (link.length > MAX_LINK_LENGTH) {
    problems.push({ kind: 'link_too_long', length: link.length, max: MAX_LINK_LENGTH, over: overBy(entry, (e) => entryPointLink(e164, e).length <= MAX_LINK_LENGTH) });
  }
  const level = options.errorCorrection;
  const modules = qrModules(link, level);
  if (modules === undefined) {
    problems.push({ kind: 'qr_too_long', errorCorrection: level, over: overBy(entry, (e) => qrModules(entryPointLink(e164, e), level) !== undefined) });
  } else if (options.posterSize && modules > maxQrModules(options.posterSize)) {
    const max = maxQrModules(options.posterSize);
    problems.push({
      kind: 'qr_too_dense',
      size: options.posterSize,
      modules,
      maxModules: max,
      over: overBy(entry, (e) => (qrModules(entryPointLink(e164, e), level) ?? Infinity) <= max),
    });
  }
  return problems.length ? { ok: false, link, problems } : { ok: true, link };
}

/** Thrown where a link that does not fit would otherwise reach the QR library (posters, PNG export). */
export class LinkFitError extends Error {
  constructor(readonly problems: LinkProblem[]) {
    super(
      `The prefilled message is too long for ${problems.some((p) => p.kind === 'link_too_long') ? 'a WhatsApp link' : 'a QR code that scans'}: ` +
        `shorten it by at least ${Math.max(...problems.map((p) => p.over))} characters` +
        (problems.some((p) => p.kind === 'qr_too_dense') ? ' or choose a larger poster size.' : '.'),
    );
    this.name = 'LinkFitError';
  }
}
