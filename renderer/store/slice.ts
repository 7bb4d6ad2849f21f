import type { StateCreator } from 'zustand';
import type { Store } from './index';

/** A slice of the one store, able to read and set the whole of it. */
export type Slice<T> = StateCreator<Store, [], [], T>;
