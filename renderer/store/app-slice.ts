import type { AppInfo } from '../../shared/contract/app';
import { api } from '../api';
import type { Slice } from './slice';
import { routeFromHash, type Route } from './routes';

/** App shell state: what main told us about itself, and which page is showing. */
export interface AppSlice {
  info: AppInfo | null;
  route: Route;
  loadInfo(): Promise<void>;
  navigate(route: Route): void;
  syncRouteFromHash(): void;
}

export const createAppSlice: Slice<AppSlice> = (set) => ({
  info: null,
  route: routeFromHash(window.location.hash),
  async loadInfo() {
    const result = await api.app.info();
    if (result.ok) set({ info: result.value });
  },
  navigate(route) {
    if (window.location.hash !== `#/${route}`) window.location.hash = `#/${route}`;
    set({ route });
  },
  syncRouteFromHash() {
    set({ route: routeFromHash(window.location.hash) });
  },
});
