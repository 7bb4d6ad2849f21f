import type { ApiError } from '../../shared/contract';
import type { Contact, ContactQuery } from '../../shared/contract/contacts';
import { api } from '../api';
import type { Slice } from './slice';

/** Rows are fetched in pages of this size as the list scrolls. */
export const CONTACTS_PAGE_SIZE = 100;

/** The list filters (everything in a contacts:search query but the paging). */
export type ContactFilters = Omit<ContactQuery, 'offset' | 'limit'>;

/** The contact list: filters, total, the pages fetched so far, and which row has the keyboard. */
export interface ContactsSlice {
  contactFilters: ContactFilters;
  contactsTotal: number | null;
  /** Fetched pages by page number; a row i lives in pages[floor(i / size)][i % size]. */
  contactPages: Record<number, Contact[]>;
  contactsError: ApiError | null;
  contactsActiveIndex: number;
  contactTags: string[];
  setContactFilters(patch: Partial<ContactFilters>): void;
  /** Fetches the pages covering rows start..end that are not loaded or loading yet. */
  ensureContactRows(start: number, end: number): void;
  /** Drops what was fetched (after a change) and loads the first page again. */
  reloadContacts(): void;
  setContactsActiveIndex(index: number): void;
  loadContactTags(): Promise<void>;
}

// Outside the store: in-flight bookkeeping that no component renders.
let generation = 0;
const inFlight = new Set<number>();

export const createContactsSlice: Slice<ContactsSlice> = (set, get) => ({
  contactFilters: { text: '' },
  contactsTotal: null,
  contactPages: {},
  contactsError: null,
  contactsActiveIndex: 0,
  contactTags: [],
  setContactFilters(patch) {
    set({ contactFilters: { ...get().contactFilters, ...patch }, contactsActiveIndex: 0 });
    get().reloadContacts();
  },
  reloadContacts() {
    generation++;
    inFlight.clear();
    set({ contactPages: {}, contactsError: null });
    get().ensureContactRows(0, 0);
  },
  ensureContactRows(start, end) {
    const first = Math.floor(Math.max(0, start) / CONTACTS_PAGE_SIZE);
    const last = Math.floor(Math.max(0, end) / CONTACTS_PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      if (get().contactPages[page] || inFlight.has(page)) continue;
      const total = get().contactsTotal;
      if (page > 0 && total !== null && page * CONTACTS_PAGE_SIZE >= total) continue;
      void loadPage(page);
    }

    async function loadPage(page: number) {
      const mine = generation;
      inFlight.add(page);
      const result = await api.contacts.search({
        ...get().contactFilters,
        offset: page * CONTACTS_PAGE_SIZE,
        limit: CONTACTS_PAGE_SIZE,
      });
      // A newer search started while this one ran: its answer is for other filters.
      if (mine !== generation) return;
      inFlight.delete(page);
      if (!result.ok) {
        set({ contactsError: result.error });
        return;
      }
      set({
        contactsTotal: result.value.total,
        contactPages: { ...get().contactPages, [page]: result.value.items },
        contactsError: null,
      });
    }
  },
  setContactsActiveIndex(index) {
    set({ contactsActiveIndex: index });
  },
  async loadContactTags() {
    const result = await api.contacts.tags();
    if (result.ok) set({ contactTags: result.value });
  },
});

/** The contact at a row, if its page has been fetched. */
export function contactAt(pages: Record<number, Contact[]>, index: number): Contact | undefined {
  return pages[Math.floor(index / CONTACTS_PAGE_SIZE)]?.[index % CONTACTS_PAGE_SIZE];
}
