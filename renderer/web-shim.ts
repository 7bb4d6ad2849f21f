import { buildRendererApi } from '../shared/api-builder';
import type { EventName, RendererApi } from '../shared/contract';

const TOKEN_META = 'od-bridge-token';

/**
 * The browser stand-in for the Electron preload: the same contract over the loopback web bridge.
 * The per-run token comes from the page the bridge served, so other sites cannot call it.
 */
export function createWebShim(doc: Document = document): RendererApi {
  const token = doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
  const invoke = async (channel: string, args: unknown) => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify(args ?? {}),
      });
      return await response.json();
    } catch {
      return {
        ok: false,
        error: { code: 'bridge_unreachable', message: 'The app service is not running. Start it again with npm run web.' },
      };
    }
  };

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const subscribe = (event: EventName, listener: (payload: unknown) => void) => {
    if (!source) {
      source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        const { event: name, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
        listeners.get(name)?.forEach((fn) => fn(payload));
      };
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };
  return buildRendererApi(invoke, subscribe);
}
