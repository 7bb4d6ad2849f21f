import { monotonicFactory } from 'ulid';
import type { ContactQuery } from '../../../shared/contract/contacts';
import type { ConsentEvent, NewConsentEvent } from '../../../shared/domain/consent/event';
import { createHash } from 'node:crypto';
import { ConsentEventInvalidError, sealEvent, useSha256, verifyChain, type SealOptions } from '../../../shared/domain/consent/hash-chain';
import { deriveConsent } from '../../../shared/domain/consent/state';
import { AppError } from '../app-error';
import type { CollectionStore } from '../store/collection-store';
import { ContactIndex } from '../store/contact-index';
import type { DataStore } from '../store/data-store';
import type { EventLog } from '../store/event-log';
import { Mutex } from '../store/mutex';
import { emptyDerived, refreshForTime, type ContactRecord } from './contact-record';

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
  private readonly index = new ContactIndex();
  private readonly byPhone = new Map<string, string>();
  private readonly writes = new Mutex();
  private readonly listeners = new Set<LedgerListener>();
  private readonly newId = monotonicFactory();
  private sortedIds: string[] | null = null;
  private readonly sortKeys = new Map<string, string>();

  private constructor(
    private readonly contacts: CollectionStore<ContactRecord>,
    private readonly events: EventLog<ConsentEvent>,
    private readonly options: LedgerOptions,
  ) {
    for (const record of contacts.values()) this.indexRecord(record);
  }

  /** Opens the ledger in a data store and repairs contacts whose last write was cut short by a crash. */
  static async open(options: LedgerOptions): Promise<ConsentLedger> {
    // Same hashes as the portable code, computed natively: sealing is the hot path of imports.
    useSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
    const contacts = await options.store.collection<ContactRecord>('contacts');
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

  findByPhone(e164: string): ContactRecord | undefined {
    const id = this.byPhone.get(e164);
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
          this.indexRecord(updated);
          return { record: updated, created: false };
        }
        return { record: existing, created: false };
      }
      const now = this.iso();
      const record: ContactRecord = {
        id: this.newId(),
        phone: input.phone,
        name: (input.name ?? input.nameIfNew ?? '').trim(),
        tags: input.tags ?? [],
        createdAt: now,
        updatedAt: now,
        lastInboundAt: null,
        eventCount: 0,
        head: null,
        derived: emptyDerived(),
      };
      await this.contacts.upsert(record);
      this.indexRecord(record);
      return { record, created: true };
    });
  }

  /**
   * Batched ensureContact for imports: one durable write for every new or changed contact. A given name replaces
   * the stored one (the file is the newer word); tags are added, never removed. Numbers must be unique in `items`.
   */
  async ensureContacts(
    items: { phone: string; name?: string; tags?: string[] }[],
  ): Promise<{ record: ContactRecord; created: boolean; updated: boolean }[]> {
    return this.writes.run(async () => {
      const now = this.iso();
      const results = items.map((input) => {
        const name = input.name?.trim() ?? '';
        const existing = this.findByPhone(input.phone);
        if (!existing) {
          const record: ContactRecord = {
            id: this.newId(), phone: input.phone, name, tags: [...new Set(input.tags ?? [])].sort(), createdAt: now,
            updatedAt: now, lastInboundAt: null, eventCount: 0, head: null, derived: emptyDerived(),
          };
          return { record, created: true, updated: false };
        }
        const tags = [...new Set([...existing.tags, ...(input.tags ?? [])])].sort();
        const renamed = name !== '' && name !== existing.name;
        if (!renamed && tags.length === existing.tags.length) return { record: existing, created: false, updated: false };
        const record = { ...existing, name: renamed ? name : existing.name, tags, updatedAt: now };
        return { record, created: false, updated: true };
      });
      const changed = results.filter((r) => r.created || r.updated).map((r) => r.record);
      if (changed.length > 0) await this.contacts.upsertMany(changed);
      for (const record of changed) this.indexRecord(record);
      return results;
    });
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
    const results = await this.writes.run(async () => {
      const sealedAll: ConsentEvent[] = [];
      const plans: { record: ContactRecord; events: ConsentEvent[]; fresh: boolean }[] = [];
      let seq = this.events.size;
      for (const { contactId, drafts } of items) {
        let record = this.get(contactId);
        const sealed: ConsentEvent[] = [];
        let prev: ConsentEvent | { id: string; hash: string; contactId: string } | undefined = record.head
          ? { ...record.head, contactId }
          : undefined;
        for (const draft of drafts) {
          // sealEvent validates (the same schema) itself; parsing first as well doubled the cost of an import.
          const event = sealValid({ ...draft, contactId, phone: record.phone }, {
            prev: prev as ConsentEvent | undefined,
            id: this.newId(),
            recordedAt: this.iso(),
            deviceId: this.options.deviceId,
            deviceSeq: ++seq,
          });
          sealed.push(event);
          prev = event;
        }
        const fresh = record.eventCount === 0;
        record = { ...record, eventCount: record.eventCount + sealed.length, head: prev ? { id: prev.id, hash: prev.hash } : null };
        plans.push({ record, events: sealed, fresh });
        sealedAll.push(...sealed);
      }
      await this.events.append(sealedAll);
      const updated = await Promise.all(
        // A contact with no earlier events has exactly these: derive from them instead of reading them back.
        plans.map(async ({ record, events, fresh }) => ({ record: await this.rederive(record, fresh ? events : undefined), events })),
      );
      await this.contacts.upsertMany(updated.map((u) => u.record));
      for (const { record } of updated) this.indexRecord(record);
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
      this.indexRecord(record);
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
      this.indexRecord(record);
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
    const ids = text ? this.index.search(text, 5000) : this.allSorted();
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

  private async rederive(record: ContactRecord, known?: ConsentEvent[]): Promise<ContactRecord> {
    const events = known ?? (await this.events.eventsFor(record.id));
    const derived = deriveConsent(events, {
      now: this.options.now().getTime(),
      pendingExpiryDays: this.options.pendingExpiryDays ?? 7,
      staleAfterMonths: this.options.staleAfterMonths ?? 12,
      ...(record.lastInboundAt ? { lastActivityAt: record.lastInboundAt } : {}),
    });
    return { ...record, derived, updatedAt: this.iso() };
  }

  /** A crash between the event append and the contact update leaves the contact behind its log: catch it up. */
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
      this.indexRecord(repaired);
    }
  }

  private indexRecord(record: ContactRecord): void {
    const sortKey = record.name || record.phone;
    if (this.sortKeys.get(record.id) !== sortKey) {
      this.sortKeys.set(record.id, sortKey);
      this.sortedIds = null;
    }
    this.index.set({ id: record.id, name: record.name, phone: record.phone, extra: record.tags.join(' ') });
    this.byPhone.set(record.phone, record.id);
  }

  private allSorted(): string[] {
    if (!this.sortedIds) {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
      this.sortedIds = [...this.contacts.values()]
        .sort((a, b) => collator.compare(this.sortKeys.get(a.id)!, this.sortKeys.get(b.id)!) || a.id.localeCompare(b.id))
        .map((r) => r.id);
    }
    return this.sortedIds;
  }

  private iso(): string {
    return this.options.now().toISOString();
  }
}

/** sealEvent with a refusal turned into the error the UI shows. */
function sealValid(input: NewConsentEvent, options: SealOptions): ConsentEvent {
  try {
    return sealEvent(input, options);
  } catch (error) {
    if (error instanceof ConsentEventInvalidError) {
      throw new AppError('invalid_argument', `The consent event is not valid: ${error.problems.join('; ')}.`);
    }
    throw error;
  }
}
