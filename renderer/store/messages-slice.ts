import type { ApiError } from '../../shared/contract';
import type { ConnectionStatus } from '../../shared/contract/connection';
import type { TemplateView } from '../../shared/contract/messages';
import { api } from '../api';
import type { Slice } from './slice';

/** Sending through the Cloud API: the connection as main reports it and the synced template list, shared by pages. */
export interface MessagesSlice {
  connection: ConnectionStatus | null;
  templates: TemplateView[];
  templatesSyncedAt: string | null;
  templatesLoaded: boolean;
  templatesSyncing: boolean;
  loadConnection(): Promise<void>;
  setConnection(status: ConnectionStatus): void;
  /** The cached list main already has (no call to Meta). */
  loadTemplates(): Promise<void>;
  /** Fetches every page of templates from the account; returns the error to show, if any. */
  syncTemplates(): Promise<ApiError | null>;
}

export const createMessagesSlice: Slice<MessagesSlice> = (set, get) => ({
  connection: null,
  templates: [],
  templatesSyncedAt: null,
  templatesLoaded: false,
  templatesSyncing: false,
  async loadConnection() {
    const result = await api.connection.get();
    if (result.ok) set({ connection: result.value });
  },
  setConnection(status) {
    set({ connection: status });
  },
  async loadTemplates() {
    const result = await api.templates.list();
    if (result.ok) set({ templates: result.value.templates, templatesSyncedAt: result.value.syncedAt, templatesLoaded: true });
  },
  async syncTemplates() {
    if (get().templatesSyncing) return null;
    set({ templatesSyncing: true });
    const result = await api.templates.sync();
    if (!result.ok) {
      set({ templatesSyncing: false });
      return result.error;
    }
    set({ templates: result.value.templates, templatesSyncedAt: result.value.syncedAt, templatesLoaded: true, templatesSyncing: false });
    return null;
  },
});
