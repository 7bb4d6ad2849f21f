import type { Slice } from './slice';

/** counter page state (filled in as the page is built). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CounterSlice {}

export const createCounterSlice: Slice<CounterSlice> = () => ({});
