import { ContactIndex } from '../store/contact-index';
import type { ContactRecord } from './contact-record';

/** The ledger's in-memory lookups over its contacts: by number, by text (name, number, tags), and all by name. */
export class ContactDirectory {
  private readonly index = new ContactIndex();
  private readonly byPhone = new Map<string, string>();
  private readonly sortKeys = new Map<string, string>();
  private sortedIds: string[] | null = null;

  /** Adds a contact or refreshes its entries after its name, number or tags changed. */
  set(record: ContactRecord): void {
    const sortKey = record.name || record.phone;
    if (this.sortKeys.get(record.id) !== sortKey) {
      this.sortKeys.set(record.id, sortKey);
      this.sortedIds = null;
    }
    this.index.set({ id: record.id, name: record.name, phone: record.phone, extra: record.tags.join(' ') });
    this.byPhone.set(record.phone, record.id);
  }

  /** The id of the contact with this E.164 number. */
  idOf(phone: string): string | undefined {
    return this.byPhone.get(phone);
  }

  /** Ids of the best matches for typed text (see ContactIndex). */
  search(text: string, limit: number): string[] {
    return this.index.search(text, limit);
  }

  /** Every id, by name (or number when unnamed) ignoring case and accents, then by id. */
  allSorted(): string[] {
    if (!this.sortedIds) {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
      this.sortedIds = [...this.sortKeys.keys()].sort(
        (a, b) => collator.compare(this.sortKeys.get(a)!, this.sortKeys.get(b)!) || a.localeCompare(b),
      );
    }
    return this.sortedIds;
  }
}
