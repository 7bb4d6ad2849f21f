import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createProfileSlice, type ProfileSlice } from './profile-slice';

/** The whole renderer state: one store built from slices. */
export type Store = AppSlice & ProfileSlice;

/** Components select single values (or useShallow); actions live in the slices and call api.ts. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createProfileSlice(...a),
}));
