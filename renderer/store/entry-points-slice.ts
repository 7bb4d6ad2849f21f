import type { Slice } from './slice';

/** entry-points page state (filled in as the page is built). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EntryPointsSlice {}

export const createEntryPointsSlice: Slice<EntryPointsSlice> = () => ({});
