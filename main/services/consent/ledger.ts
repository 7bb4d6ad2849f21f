import { monotonicFactory } from 'ulid';
import type { ContactQuery } from '../../../shared/contract/contacts';
import type { ConsentEvent, NewConsentEvent } from '../../../shared/domain/consent/event';
import { hash } from 'node:crypto';
import { useSha256, verifyChain } from '../../../shared/domain/consent/hash-chain';
import { deriveConsent } from '../../../shared/domain/consent/state';
import { AppError } from '../app-error';
import type { CollectionStore } from '../store/collection-store';
import type { DataStore } from '../store/data-store';
import type { EventLog } from '../store/event-log';
import { Mutex } from '../store/mutex';
import { ContactDirectory } from './contact-directory';
import { emptyDerived, refreshForTime, type ContactRecord } from './contact-record';
import { PendingRevocations, pooledRandom, resolveContacts, sealValid, type ContactInput, type HeldConsent } from './ledger-support';
import { lastStopOf } from '../../../shared/domain/send-policy/window';

/** What a caller supplies for an event; the ledger fills in the contact, number and chain fields. */
export type EventDraft = Omit<NewConsentEvent, 'contactId' | 'phone'>;

/** Dependencies of the ledger. */
export interface LedgerOptions {
  store: DataStore;
  /** This installation's id, written on every event for later multi-till sync. */
  deviceId: string;
  now: () => Date;
  pendingExpiryDays?: number;
  staleAfterMonths?: number;
}

/** Called after events are durable (welcome messages, UI refresh). */
export type LedgerListener = (contact: ContactRecord, events: ConsentEvent[]) => void;

/**
 * The consent ledger: contacts (a keyed collection) and their consent events (an append-only log keyed by contact).
 * Every event is validated, sealed into the contact's hash chain and fsync'd before the call resolves; the contact
 * record caches the chain head and the derived consent so lists never read histories.
 */
export class ConsentLedger {
  private readonly directory = new ContactDirectory();
  private readonly writes = new Mutex();
  private readonly listeners = new Set<LedgerListener>();
  private readonly newId = monotonicFactory(pooledRandom());
  private readonly pending = new PendingRevocations();

  private constructor(
    private readonly contacts: CollectionStore<ContactRecord>,
    private readonly events: EventLog<ConsentEvent>,
    private readonly options: LedgerOptions,
  ) {
    for (const record of contacts.values()) this.directory.set(record);
  }

  /** Opens the ledger in a data store and repairs contacts whose last write was cut short by a crash. */
  static async open(options: LedgerOptions): Promise<ConsentLedger> {
    // Same hashes as the portable code, computed natively: sealing is the hot path of imports.
    useSha256((text) => hash('sha256', text, 'hex'));
    // Every record the ledger writes is a fresh plain object it never changes again (see adoptRecords).
    const contacts = await options.store.collection<ContactRecord>('contacts', { adoptRecords: true });
    const events = await options.store.eventLog<ConsentEvent>('consent-events', {
      key: (e) => e.contactId,
      intern: ['textShown'],
    });
    const ledger = new ConsentLedger(contacts, events, options);
    await ledger.repair();
    return ledger;
  }

  /** Subscribes to durable consent changes; returns the unsubscribe function. */
  onChange(listener: LedgerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.contacts.size;
  }

  get eventCount(): number {
    return this.events.size;
  }

  get(id: string): ContactRecord {
    const record = this.contacts.get(id);
    if (!record) throw new AppError('not_found', 'That contact no longer exists.', 'id');
    return record;
  }

  /**
   * Revocations and bounces of this contact submitted but not yet durable. The send gate counts them as done, so a
   * STOP holds back sends from the moment it is submitted (marked synchronously by record/recordMany).
   */
  heldFor(contactId: string): HeldConsent | undefined {
    return this.pending.of(contactId);
  }

  findByPhone(e164: string): ContactRecord | undefined {
    const id = this.directory.idOf(e164);
    return id ? this.contacts.get(id) : undefined;
  }

  /** The contact for a number, created when new; a given name fills an empty one but never overwrites it silently. */
  async ensureContact(input: {
    phone: string;
    name?: string;
    /** A name used only for a new contact (a WhatsApp profile name must not overwrite what staff typed). */
    nameIfNew?: string;
    tags?: string[];
  }): Promise<{ record: ContactRecord; created: boolean }> {
    return this.writes.run(async () => {
      const existing = this.findByPhone(input.phone);
      if (existing) {
        const name = input.name?.trim();
        if (name && name !== existing.name) {
          const updated = { ...existing, name, updatedAt: this.iso() };
          await this.contacts.upsert(updated);
          this.directory.set(updated);
          return { record: updated, created: false };
        }
        return { record: existing, created: false };
      }
      const now = this.iso();
      const record: ContactRecord = {
        id: this.newId(),
        phone: input.phone,
        name: (input.name ?? input.nameIfNew ?? '').trim(),
        tags: input.tags ? [...input.tags] : [],
        createdAt: now,
        updatedAt: now,
        lastInboundAt: null,
        eventCount: 0,
        head: null,
        derived: emptyDerived(),
      };
      await this.contacts.upsert(record);
      this.directory.set(record);
      return { record, created: true };
    });
  }

  /**
   * Batched ensureContact for imports: one durable write for every new or changed contact. A given name replaces
   * the stored one (the file is the newer word); tags are added, never removed. Numbers must be unique in `items`.
   */
  async ensureContacts(items: ContactInput[]): Promise<{ record: ContactRecord; created: boolean; updated: boolean }[]> {
    return this.writes.run(async () => {
      const results = resolveContacts(items, this.iso(), (phone) => this.findByPhone(phone), this.newId);
      const changed = results.filter((r) => r.created || r.updated).map((r) => r.record);
      if (changed.length > 0) await this.contacts.upsertMany(changed);
      for (const record of changed) this.directory.set(record);
      return results;
    });
  }

  /**
   * One batch of an import in a single pass: a contact per number, as ensureContacts makes them, and the events
   * `draftsFor` asks for each (all or nothing, as recordMany). Every new or changed contact is written once, in its
   * final state, ahead of the events, and becomes visible (in memory, to listeners) only once the events are durable
   * too; a crash in between leaves contacts that claim events the log lacks, which opening repairs. Writing contacts
   * before their events, and again after, was a third of an import's cost.
   */
  async importBatch(
    items: ContactInput[],
    draftsFor: (record: ContactRecord, index: number) => EventDraft[],
  ): Promise<{ record: ContactRecord; created: boolean; updated: boolean; events: ConsentEvent[] }[]> {
    const results = await this.writes.run(async () => {
      const now = this.options.now();
      const recordedAt = now.toISOString();
      const seq = { last: this.events.size };
      const sealedAll: ConsentEvent[] = [];
      const reads: Promise<void>[] = [];
      const out = resolveContacts(items, recordedAt, (phone) => this.findByPhone(phone), this.newId).map((resolved, i) => {
        const { created, updated } = resolved;
        const drafts = draftsFor(resolved.record, i);
        if (drafts.length === 0) return { record: resolved.record, created, updated, events: [] as ConsentEvent[] };
        const { record, events } = this.seal(resolved.record, drafts, recordedAt, seq);
        for (const event of events) sealedAll.push(event);
        const entry = { record, created, updated, events };
        // A contact with no earlier events has exactly these: derive from them instead of reading them back.
        if (resolved.record.eventCount === 0) entry.record = this.derive(record, events, now);
        else {
          const read = this.events.eventsFor(record.id).then((earlier) => {
            entry.record = this.derive(record, [...earlier, ...events], now);
          });
          reads.push(read);
        }
        return entry;
      });
      await Promise.all(reads);
      const changed = out.filter((o) => o.created || o.updated || o.events.length > 0).map((o) => o.record);
      if (changed.length === 0) return out;
      const written = await this.contacts.writeAhead(changed);
      try {
        if (sealedAll.length > 0) await this.events.append(sealedAll);
      } catch (error) {
        written.discard();
        throw error;
      }
      written.apply();
      for (const o of out) if (o.created || o.updated) this.directory.set(o.record);
      return out;
    });
    for (const { record, events } of results) {
      if (events.length > 0) for (const listener of this.listeners) listener(record, events);
    }
    return results;
  }

  /**
   * Holds off compaction of the contacts and checkpoints of the event log until the returned function is called,
   * so a bulk import writes its data once instead of also snapshotting it again and again as it grows.
   */
  deferMaintenance(): () => void {
    const releases = [this.contacts.deferCompaction(), this.events.deferCheckpoints()];
    return () => {
      for (const release of releases) release();
    };
  }

  /** A contact's events, oldest first, without verifying the chain (cheap; imports check what is on record). */
  eventsOf(contactId: string): Promise<ConsentEvent[]> {
    return this.events.eventsFor(contactId);
  }

  /** Appends consent events for one contact; resolves once they are on disk. Invalid events are refused whole. */
  async record(contactId: string, drafts: EventDraft[]): Promise<{ record: ContactRecord; events: ConsentEvent[] }> {
    const [result] = await this.recordMany([{ contactId, drafts }]);
    return result!;
  }

  /** Appends events for many contacts in one durable write (imports); all or nothing. */
  async recordMany(
    items: { contactId: string; drafts: EventDraft[] }[],
  ): Promise<{ record: ContactRecord; events: ConsentEvent[] }[]> {
    // Before any await: from this instant the last-moment send check refuses what these events revoke.
    const release = this.pending.hold(items);
    try {
      return await this.recordManyHeld(items);
    } finally {
      // Written (memory and disk agree) or refused: either way the derived state answers from now on.
      release();
    }
  }

  private async recordManyHeld(
    items: { contactId: string; drafts: EventDraft[] }[],
  ): Promise<{ record: ContactRecord; events: ConsentEvent[] }[]> {
    const results = await this.writes.run(async () => {
      const sealedAll: ConsentEvent[] = [];
      const plans: { record: ContactRecord; events: ConsentEvent[]; fresh: boolean }[] = [];
      // One instant for the whole write: the events are recorded together, and the clock is not free at 100k events.
      const recordedAt = this.iso();
      const seq = { last: this.events.size };
      for (const { contactId, drafts } of items) {
        const current = this.get(contactId);
        const { record, events } = this.seal(current, drafts, recordedAt, seq);
        plans.push({ record, events, fresh: current.eventCount === 0 });
        for (const event of events) sealedAll.push(event);
      }
      await this.events.append(sealedAll);
      const now = this.options.now();
      const updated: { record: ContactRecord; events: ConsentEvent[] }[] = new Array(plans.length);
      const reads: Promise<void>[] = [];
      plans.forEach(({ record, events, fresh }, i) => {
        // A contact with no earlier events has exactly these: derive from them instead of reading them back.
        if (fresh) updated[i] = { record: this.derive(record, events, now), events };
        else reads.push(this.events.eventsFor(record.id).then((all) => void (updated[i] = { record: this.derive(record, all, now), events })));
      });
      await Promise.all(reads);
      // Only consent, chain head and counts changed: name, number and tags, which the indexes hold, did not.
      await this.contacts.upsertMany(updated.map((u) => u.record));
      return updated;
    });
    for (const { record, events } of results) for (const listener of this.listeners) listener(record, events);
    return results;
  }

  /** Every event of a contact, oldest first, with the verdict of its hash chain. */
  async history(contactId: string): Promise<{ events: ConsentEvent[]; chain: { ok: boolean; message?: string } }> {
    const record = this.get(contactId);
    const events = await this.events.eventsFor(contactId);
    const verdict = verifyChain(events, record.head ? { headHash: record.head.hash } : {});
    return { events, chain: verdict.ok ? { ok: true } : { ok: false, message: verdict.message } };
  }

  /** Streams every event of the shop in log order (CSV export). */
  allEvents(): AsyncGenerator<ConsentEvent> {
    return this.events.scan();
  }

  async setTags(id: string, tags: string[]): Promise<ContactRecord> {
    return this.writes.run(async () => {
      const record = { ...this.get(id), tags: [...new Set(tags)].sort(), updatedAt: this.iso() };
      await this.contacts.upsert(record);
      this.directory.set(record);
      return record;
    });
  }

  /** Records that the customer wrote to the shop (opens the 24 h window; counts as activity for staleness). */
  async touchInbound(id: string, at: Date): Promise<ContactRecord> {
    return this.writes.run(async () => {
      const current = this.get(id);
      if (current.lastInboundAt && current.lastInboundAt >= at.toISOString()) return current;
      const record = { ...current, lastInboundAt: at.toISOString() };
      await this.contacts.upsert(record);
      this.directory.set(record);
      return record;
    });
  }

  /** All tags in use, sorted. */
  tags(): string[] {
    const all = new Set<string>();
    for (const record of this.contacts.values()) for (const tag of record.tags) all.add(tag);
    return [...all].sort();
  }

  /** Contacts matching a query, filtered by consent, tag and method, one page at a time. */
  search(query: ContactQuery & { offset: number; limit: number }): { total: number; records: ContactRecord[] } {
    const now = this.options.now().getTime();
    const text = query.text?.trim() ?? '';
    const ids = text ? this.directory.search(text, 5000) : this.directory.allSorted();
    const matches: ContactRecord[] = [];
    for (const id of ids) {
      const record = this.contacts.get(id);
      if (!record) continue;
      if (query.tag && !record.tags.includes(query.tag)) continue;
      if (query.state || query.method) {
        const purposes = query.purpose ? [query.purpose] : (['marketing', 'utility'] as const);
        const ok = purposes.some((p) => {
          const c = refreshForTime(record.derived[p], now, record.lastInboundAt);
          return (!query.state || c.state === query.state) && (!query.method || c.method === query.method);
        });
        if (!ok) continue;
      }
      matches.push(record);
    }
    return { total: matches.length, records: matches.slice(query.offset, query.offset + query.limit) };
  }

  async close(): Promise<void> {
    await this.writes.run(async () => undefined);
  }

  /** Seals drafts onto a contact's chain; the record comes back with its new head and count (consent not derived). */
  private seal(
    current: ContactRecord,
    drafts: EventDraft[],
    recordedAt: string,
    seq: { last: number },
  ): { record: ContactRecord; events: ConsentEvent[] } {
    const contactId = current.id;
    const events: ConsentEvent[] = [];
    // The chain head stands in for the latest event: sealing reads only its id, hash and contact.
    let prev = current.head ? ({ id: current.head.id, hash: current.head.hash, contactId } as ConsentEvent) : undefined;
    for (const draft of drafts) {
      // Object.assign, not a spread: V8 takes a slow path when a spread is followed by properties it lacks.
      prev = sealValid(Object.assign({}, draft, { contactId, phone: current.phone }), {
        prev,
        id: this.newId(),
        recordedAt,
        deviceId: this.options.deviceId,
        deviceSeq: ++seq.last,
      });
      events.push(prev);
    }
    const next = prev ? { id: prev.id, hash: prev.hash } : null;
    return { record: { ...current, eventCount: current.eventCount + events.length, head: next }, events };
  }

  private async rederive(record: ContactRecord): Promise<ContactRecord> {
    return this.derive(record, await this.events.eventsFor(record.id), this.options.now());
  }

  private derive(record: ContactRecord, events: ConsentEvent[], now: Date): ContactRecord {
    const derived = deriveConsent(events, {
      now: now.getTime(),
      pendingExpiryDays: this.options.pendingExpiryDays ?? 7,
      staleAfterMonths: this.options.staleAfterMonths ?? 12,
      ...(record.lastInboundAt ? { lastActivityAt: record.lastInboundAt } : {}),
    });
    const lastStopAt = lastStopOf(events);
    const { lastStopAt: _previous, ...rest } = record;
    return { ...rest, derived, updatedAt: now.toISOString(), ...(lastStopAt ? { lastStopAt } : {}) };
  }

  /**
   * A crash between the writes of a contact and of its events leaves the contact behind its log (recordMany appends
   * first) or ahead of it (importBatch writes the contact first): either way, derive it again from the log.
   */
  private async repair(): Promise<void> {
    for (const record of [...this.contacts.values()]) {
      const count = this.events.countFor(record.id);
      if (count === record.eventCount) continue;
      const events = await this.events.eventsFor(record.id);
      const last = events[events.length - 1];
      const repaired = await this.rederive({
        ...record,
        eventCount: count,
        head: last ? { id: last.id, hash: last.hash } : null,
      });
      await this.contacts.upsert(repaired);
      this.directory.set(repaired);
    }
  }

  private iso(): string {
    return this.options.now().toISOString();
  }
}
