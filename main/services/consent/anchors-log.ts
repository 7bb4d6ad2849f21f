import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import {
  anchorsRoot,
  canonicalJson,
  GENESIS_PREV_HASH,
  textHash,
  verifyAgainstAnchor,
  type ChainAnchor,
} from '../../../shared/domain/consent/hash-chain';

/** The anchors log's file in the data folder (copied into every backup with the rest of the folder). */
export const ANCHORS_FILE = 'consent-anchors.jsonl';

/** Why an anchor was taken: an export or backup that carries it out of the app, or the app's own periodic record. */
export type AnchorReason = 'proof_pack' | 'events_csv' | 'backup' | 'changes' | 'close';

/** One contact's chain as the ledger holds it now. */
export interface ChainHead {
  contactId: string;
  eventCount: number;
  headHash: string;
}

/**
 * One line of the anchors log. `heads` lists the contacts whose chain moved since the previous line; `root` and
 * the counts cover every contact. Each line is chained to the one before (`prevHash`, `hash` = SHA-256 of prevHash
 * and the line's canonical JSON without `hash`), like consent events, so an edited or removed line shows.
 */
export interface AnchorEntry {
  seq: number;
  at: string;
  reason: AnchorReason;
  totalEvents: number;
  contacts: number;
  root: string;
  heads: [contactId: string, eventCount: number, headHash: string][];
  prevHash: string;
  hash: string;
}

/** What a verification against the app's own anchors found. */
export type AnchorCheck = { ok: true; anchor?: ChainAnchor & { seq: number; at: string } } | { ok: false; message: string };

/**
 * The app's own append-only record of where every contact's hash chain stood (consent-anchors.jsonl). A contact
 * whose events no longer extend its last anchored head — newest events dropped, or the chain rewritten and re-sealed
 * — fails verification, which the chain alone cannot show. Lines are only ever appended (fsync'd); a torn last line
 * from a crash is ignored.
 */
export class AnchorsLog {
  private readonly latest = new Map<string, ChainAnchor & { seq: number; at: string }>();
  private last: AnchorEntry | undefined;
  private problem: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly now: () => Date,
  ) {}

  /** Reads the log, checking its own chain; a broken log is reported by every check, never silently trusted. */
  static async open(dataDir: string, now: () => Date): Promise<AnchorsLog> {
    const log = new AnchorsLog(path.join(dataDir, ANCHORS_FILE), now);
    let text = '';
    try {
      text = await readFile(log.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n');
    // Only the last line can be torn (a crash mid-append); it never completed, so it anchors nothing.
    if (lines[lines.length - 1] !== '') lines.pop();
    for (const line of lines) {
      if (line === '') continue;
      let entry: AnchorEntry;
      try {
        entry = JSON.parse(line) as AnchorEntry;
      } catch {
        log.problem ??= 'the anchors log has a damaged line';
        continue;
      }
      log.apply(entry);
    }
    return log;
  }

  /** The latest anchor of a contact's chain, if one was ever taken. */
  anchorFor(contactId: string): (ChainAnchor & { seq: number; at: string }) | undefined {
    return this.latest.get(contactId);
  }

  /** The newest line of the log (what the last export or backup carried). */
  newest(): AnchorEntry | undefined {
    return this.last;
  }

  /** Checks a contact's events (as read from the ledger) against the last anchor the app took of them. */
  check(contactId: string, events: readonly ConsentEvent[]): AnchorCheck {
    if (this.problem) return { ok: false, message: `${this.problem}, so dropped or rewritten events cannot be ruled out` };
    const anchor = this.latest.get(contactId);
    if (!anchor) return { ok: true };
    const verdict = verifyAgainstAnchor(events, anchor);
    if (verdict.ok) return { ok: true, anchor };
    return { ok: false, message: `${verdict.message} (anchor ${anchor.seq} of ${anchor.at})` };
  }

  /** Appends an anchor of every contact's chain head; resolves once it is durable. */
  anchor(reason: AnchorReason, heads: Iterable<ChainHead>): Promise<AnchorEntry> {
    const run = this.writing.then(() => this.append(reason, [...heads]));
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Takes a `changes` anchor a little after writes settle (many writes, one line), so backups carry recent heads. */
  schedule(heads: () => Iterable<ChainHead>, delayMs = 2_000): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.anchor('changes', heads()).catch((error: unknown) => console.error('could not write a consent anchor:', (error as Error).message));
    }, delayMs);
    this.timer.unref?.();
  }

  /** Writes a last anchor of the given heads (if any moved) and stops the timer. */
  async close(heads: Iterable<ChainHead>): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const list = [...heads];
    if (list.some((h) => this.moved(h))) await this.anchor('close', list);
    await this.writing;
  }

  private moved(head: ChainHead): boolean {
    const known = this.latest.get(head.contactId);
    return !known || known.eventCount !== head.eventCount || known.headHash !== head.headHash;
  }

  private async append(reason: AnchorReason, heads: ChainHead[]): Promise<AnchorEntry> {
    const moved = heads.filter((h) => this.moved(h)).map((h): [string, number, string] => [h.contactId, h.eventCount, h.headHash]);
    const unsealed = {
      seq: (this.last?.seq ?? 0) + 1,
      at: this.now().toISOString(),
      reason,
      totalEvents: heads.reduce((sum, h) => sum + h.eventCount, 0),
      contacts: heads.length,
      root: anchorsRoot(heads),
      heads: moved,
      prevHash: this.last?.hash ?? GENESIS_PREV_HASH,
    };
    const entry: AnchorEntry = { ...unsealed, hash: textHash(unsealed.prevHash + canonicalJson(unsealed)) };
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(`${JSON.stringify(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.apply(entry);
    return entry;
  }

  private apply(entry: AnchorEntry): void {
    const { hash, ...unsealed } = entry;
    const expectedPrev = this.last?.hash ?? GENESIS_PREV_HASH;
    if (entry.prevHash !== expectedPrev || textHash(entry.prevHash + canonicalJson(unsealed)) !== hash) {
      this.problem ??= `anchor ${entry.seq} of the anchors log was changed or an earlier one removed`;
    }
    for (const [contactId, eventCount, headHash] of entry.heads) this.latest.set(contactId, { eventCount, headHash, seq: entry.seq, at: entry.at });
    this.last = entry;
  }
}

/** Every contact's chain head as the ledger holds it (contacts without events have no chain to anchor). */
export function ledgerHeads(ledger: { search(query: { offset: number; limit: number }): { records: readonly { id: string; eventCount: number; head: { hash: string } | null }[] } }): ChainHead[] {
  const heads: ChainHead[] = [];
  for (const record of ledger.search({ offset: 0, limit: Number.MAX_SAFE_INTEGER }).records) {
    if (record.head) heads.push({ contactId: record.id, eventCount: record.eventCount, headHash: record.head.hash });
  }
  return heads;
}
