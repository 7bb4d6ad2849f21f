import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createCampaignsSlice, type CampaignsSlice } from './campaigns-slice';
import { createContactsSlice, type ContactsSlice } from './contacts-slice';
import { createCounterSlice, type CounterSlice } from './counter-slice';
import { createDashboardSlice, type DashboardSlice } from './dashboard-slice';
import { createEntryPointsSlice, type EntryPointsSlice } from './entry-points-slice';
import { createMessagesSlice, type MessagesSlice } from './messages-slice';
import { createProfileSlice, type ProfileSlice } from './profile-slice';

/** The whole renderer state: one store built from slices. */
export type Store = AppSlice & ProfileSlice & EntryPointsSlice & ContactsSlice & CounterSlice & MessagesSlice & DashboardSlice & CampaignsSlice;

/** Components select single values (or useShallow); actions live in the slices and call api.ts. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createCampaignsSlice(...a),
  ...createProfileSlice(...a),
  ...createEntryPointsSlice(...a),
  ...createContactsSlice(...a),
  ...createCounterSlice(...a),
  ...createMessagesSlice(...a),
  ...createDashboardSlice(...a),
}));
