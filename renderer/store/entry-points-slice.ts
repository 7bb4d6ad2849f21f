import type { ApiError, Result } from '../../shared/contract/define';
import type { PrintOutcome } from '../../shared/contract/entry-points';
import type { EntryPoint, EntryPointInput, EntryPointUpdate, ErrorCorrection } from '../../shared/domain/entry-points/types';
import { api } from '../api';
import type { Slice } from './slice';

/** Chats started per entry point per day, as main counts them. */
export type EntryPointStats = { refCode: string; name: string; days: { day: string; chats: number }[] }[];

/** Entry points and posters: the stored list, the chart data, and the actions that change them through api.ts. */
export interface EntryPointsSlice {
  entryPoints: EntryPoint[];
  entryPointsLoaded: boolean;
  entryPointsError: ApiError | null;
  entryPointStats: EntryPointStats | null;
  loadEntryPoints(): Promise<void>;
  loadEntryPointStats(): Promise<void>;
  createEntryPoint(input: EntryPointInput): Promise<Result<EntryPoint>>;
  updateEntryPoint(update: EntryPointUpdate): Promise<Result<EntryPoint>>;
  duplicateEntryPoint(id: string): Promise<Result<EntryPoint>>;
  deleteEntryPoint(id: string): Promise<Result<{ deleted: true }>>;
  fetchQrPng(id: string, errorCorrection: ErrorCorrection): Promise<Result<{ fileName: string; base64: string }>>;
  createPosterBatch(id: string, placements: string[]): Promise<Result<EntryPoint[]>>;
  printPosters(ids: string[], action: 'print' | 'pdf'): Promise<Result<PrintOutcome>>;
  /** Reloads list and chart when main reports a change (another window, or inbound chats); returns the unsubscribe. */
  watchEntryPoints(): () => void;
}

/** `data:changed` domains that change the list or the chart. */
export const ENTRY_POINT_DOMAINS = ['entryPoints', 'chats'];

/** Newest change first, so what the owner just did is at the top of the list. */
function sorted(list: EntryPoint[]): EntryPoint[] {
  return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export const createEntryPointsSlice: Slice<EntryPointsSlice> = (set, get) => {
  /** Puts a created or changed entry point into the list without a reload. */
  const upsert = (entry: EntryPoint) =>
    set({ entryPoints: sorted([entry, ...get().entryPoints.filter((e) => e.id !== entry.id)]) });

  return {
    entryPoints: [],
    entryPointsLoaded: false,
    entryPointsError: null,
    entryPointStats: null,
    async loadEntryPoints() {
      const result = await api.entryPoints.list();
      if (result.ok) set({ entryPoints: sorted(result.value), entryPointsLoaded: true, entryPointsError: null });
      else set({ entryPointsError: result.error, entryPointsLoaded: true });
    },
    async loadEntryPointStats() {
      const result = await api.entryPoints.stats();
      if (result.ok) set({ entryPointStats: result.value });
    },
    async createEntryPoint(input) {
      const result = await api.entryPoints.create(input);
      if (result.ok) upsert(result.value);
      return result;
    },
    async updateEntryPoint(update) {
      const result = await api.entryPoints.update(update);
      if (result.ok) upsert(result.value);
      return result;
    },
    async duplicateEntryPoint(id) {
      const result = await api.entryPoints.duplicate({ id });
      if (result.ok) upsert(result.value);
      return result;
    },
    async deleteEntryPoint(id) {
      const result = await api.entryPoints.delete({ id });
      if (result.ok) set({ entryPoints: get().entryPoints.filter((e) => e.id !== id) });
      return result;
    },
    fetchQrPng(id, errorCorrection) {
      return api.entryPoints.qrPng({ id, errorCorrection });
    },
    async createPosterBatch(id, placements) {
      const result = await api.posters.batch({ id, placements });
      if (!result.ok) return result;
      for (const entry of result.value.entryPoints) upsert(entry);
      return { ok: true, value: result.value.entryPoints };
    },
    printPosters(ids, action) {
      return api.posters.print({ ids, action });
    },
    watchEntryPoints() {
      return api.events.subscribe('data:changed', ({ domain }) => {
        if (!ENTRY_POINT_DOMAINS.includes(domain)) return;
        void get().loadEntryPoints();
        void get().loadEntryPointStats();
      });
    },
  };
};
