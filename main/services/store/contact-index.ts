import { phoneSearchKey } from '../../../shared/domain/phone';

/** What the index needs to know about a contact. */
export interface ContactSearchEntry {
  id: string;
  name: string;
  /** E.164 or any typed form; only its digits are kept. */
  phone?: string;
  /** Other searchable text (email, tags, notes), matched after the name. */
  extra?: string;
}

/** Lower case, accents and apostrophes removed, other punctuation as single spaces: "José O'Brien" → "jose obrien". */
export function normalizeSearchText(text: string): string {
  const lower = text.toLowerCase();
  // Most names and emails are plain ASCII: the Unicode-aware path is several times slower, so take it only when needed.
  if (!NON_ASCII.test(lower)) return lower.replace(APOSTROPHES, '').replace(ASCII_SEPARATORS, ' ').trim();
  const stripped = lower.normalize('NFD').replace(LATIN_MARKS, '');
  if (!NON_ASCII.test(stripped)) return stripped.replace(APOSTROPHES, '').replace(ASCII_SEPARATORS, ' ').trim();
  return stripped.replace(MARKS, '').replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

const NON_ASCII = /[^ -~]/;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’`]/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const PHONE_QUERY = /^[\d\s()+\-./]+$/;

/**
 * In-memory contact search over names (case- and accent-insensitive substring, all words in any order) and phone
 * digits typed in any format. A linear scan over flat arrays: a few ms at 100k contacts, no index to rebuild.
 * Results are ordered exact match, prefix, word start, substring, then other fields; ties by name.
 */
export class ContactIndex {
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  private ids: (string | undefined)[] = [];
  private names: string[] = [];
  private phones: string[] = [];
  private extras: string[] = [];
  private raw: (ContactSearchEntry | undefined)[] = [];
  private dirty: number[] = [];

  /** Number of contacts indexed. */
  get size(): number {
    return this.slots.size;
  }

  /** Adds or updates a contact; the text is normalised lazily (see {@link prepare}) so loading 100k stays cheap. */
  set(entry: ContactSearchEntry): void {
    let slot = this.slots.get(entry.id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.ids.length;
      this.slots.set(entry.id, slot);
    }
    this.ids[slot] = entry.id;
    this.raw[slot] = entry;
    this.dirty.push(slot);
  }

  /** Removes a contact (no-op when absent). */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.ids[slot] = undefined;
    this.raw[slot] = undefined;
    this.names[slot] = '';
    this.phones[slot] = '';
    this.extras[slot] = '';
    this.free.push(slot);
  }

  /**
   * Normalises entries added since the last search (about 250 ms for 100k on a slow machine). Search calls it;
   * call it when idle after start-up so the first search is fast too.
   */
  prepare(): void {
    for (const slot of this.dirty) {
      const entry = this.raw[slot];
      if (!entry) continue;
      this.names[slot] = normalizeSearchText(entry.name);
      this.phones[slot] = entry.phone ? phoneSearchKey(entry.phone) : '';
      this.extras[slot] = entry.extra ? normalizeSearchText(entry.extra) : '';
      this.raw[slot] = undefined;
    }
    this.dirty = [];
  }

  /** Ids of the best `limit` matches; an empty query lists contacts by name. */
  search(query: string, limit = 50): string[] {
    this.prepare();
    const best = new TopK(limit, this.names, this.ids);
    const raw = query.trim();
    const digits = phoneSearchKey(raw);
    if (PHONE_QUERY.test(raw) && digits.length > 0) {
      const trunkless = digits.replace(/^0+/, '');
      const alternate = trunkless.length >= 3 && trunkless !== digits ? trunkless : undefined;
      for (let slot = 0; slot < this.ids.length; slot++) {
        const phone = this.phones[slot]!;
        if (phone === '' || this.ids[slot] === undefined) continue;
        if (phone === digits) best.offer(0, slot);
        else if (phone.endsWith(digits) || (alternate && phone.endsWith(alternate))) best.offer(1, slot);
        else if (phone.includes(digits) || (alternate && phone.includes(alternate))) best.offer(3, slot);
      }
      return best.ids();
    }
    const text = normalizeSearchText(raw);
    const words = text.split(' ').filter((word) => word !== '');
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.ids[slot] === undefined) continue;
      const name = this.names[slot]!;
      const at = name.indexOf(text);
      if (at === 0) best.offer(name.length === text.length ? 0 : 1, slot);
      else if (at > 0) best.offer(name.charCodeAt(at - 1) === 32 ? 2 : 3, slot);
      else if (words.length > 1 && words.every((word) => name.includes(word) || this.other(slot).includes(word))) best.offer(4, slot);
      else if (this.extras[slot]!.includes(text)) best.offer(5, slot);
    }
    return best.ids();
  }

  private other(slot: number): string {
    return `${this.extras[slot]!} ${this.phones[slot]!}`;
  }
}

/** Keeps the `limit` best (score, name, id) without sorting every match. */
class TopK {
  private readonly scores: number[] = [];
  private readonly slots: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly names: readonly string[],
    private readonly idList: readonly (string | undefined)[],
  ) {}

  offer(score: number, slot: number): void {
    if (this.limit <= 0) return;
    const size = this.slots.length;
    if (size === this.limit && !this.before(score, slot, size - 1)) return;
    let low = 0;
    let high = size;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.before(score, slot, mid)) high = mid;
      else low = mid + 1;
    }
    this.scores.splice(low, 0, score);
    this.slots.splice(low, 0, slot);
    if (this.slots.length > this.limit) {
      this.scores.pop();
      this.slots.pop();
    }
  }

  ids(): string[] {
    return this.slots.map((slot) => this.idList[slot]!);
  }

  private before(score: number, slot: number, at: number): boolean {
    const other = this.slots[at]!;
    if (score !== this.scores[at]) return score < this.scores[at]!;
    const name = this.names[slot]!;
    const otherName = this.names[other]!;
    if (name !== otherName) return name < otherName;
    return this.idList[slot]! < this.idList[other]!;
  }
}
