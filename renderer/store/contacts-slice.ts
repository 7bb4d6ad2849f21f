import type { Slice } from './slice';

/** contacts page state (filled in as the page is built). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContactsSlice {}

export const createContactsSlice: Slice<ContactsSlice> = () => ({});
