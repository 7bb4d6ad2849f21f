import type { ApiError } from '../../shared/contract';
import type { DashboardView } from '../../shared/contract/stats';
import type { SlotSource, TemplateMapping } from '../../shared/contract/template-mappings';
import { api } from '../api';
import type { Slice } from './slice';

/** Window lengths of the Today page. */
export type DashboardDays = 7 | 30 | 90;

/** The Today dashboard's figures and the templates' saved parameter mappings. */
export interface DashboardSlice {
  dashboard: DashboardView | null;
  dashboardDays: DashboardDays;
  dashboardError: ApiError | null;
  /** Loads the figures for the window (the current one when none is given). */
  loadDashboard(days?: DashboardDays): Promise<void>;
  /** Mappings keyed `name|language`. */
  templateMappings: Record<string, TemplateMapping>;
  loadTemplateMappings(): Promise<void>;
  /** Saves one template's mapping; returns the error to show, if any. */
  saveTemplateMapping(input: { name: string; language: string; slots: Record<string, SlotSource> }): Promise<ApiError | null>;
}

/** The key of a template's mapping in `templateMappings`. */
export const mappingKey = (name: string, language: string): string => `${name}|${language}`;

export const createDashboardSlice: Slice<DashboardSlice> = (set, get) => ({
  dashboard: null,
  dashboardDays: 30,
  dashboardError: null,
  async loadDashboard(days) {
    const window = days ?? get().dashboardDays;
    if (days) set({ dashboardDays: days });
    const result = await api.stats.today({ days: window });
    // A slower answer for a window the user already left must not overwrite the newer one.
    if (get().dashboardDays !== window) return;
    if (result.ok) set({ dashboard: result.value, dashboardError: null });
    else set({ dashboardError: result.error });
  },
  templateMappings: {},
  async loadTemplateMappings() {
    const result = await api.templates.mappings();
    if (result.ok) set({ templateMappings: Object.fromEntries(result.value.mappings.map((m) => [mappingKey(m.name, m.language), m])) });
  },
  async saveTemplateMapping(input) {
    const result = await api.templates.saveMapping(input);
    if (!result.ok) return result.error;
    set({ templateMappings: { ...get().templateMappings, [mappingKey(result.value.name, result.value.language)]: result.value } });
    return null;
  },
});
