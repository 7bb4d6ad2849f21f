import { useEffect } from 'react';
import { api } from '../../api';

/**
 * Calls `refresh` when main reports changed data or outbox items, at most once per `intervalMs` (a campaign changes
 * thousands of items a minute; the figures only need to keep up with a person looking at them). Pass a stable
 * `refresh` (useCallback): a new one resubscribes.
 */
export function useLiveRefresh(refresh: () => void, intervalMs = 1000): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const poke = () => {
      if (timer) return;
      const wait = Math.max(0, last + intervalMs - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        refresh();
      }, wait);
    };
    const offData = api.events.subscribe('data:changed', poke);
    const offOutbox = api.events.subscribe('outbox:changed', poke);
    return () => {
      offData();
      offOutbox();
      if (timer) clearTimeout(timer);
    };
  }, [refresh, intervalMs]);
}
