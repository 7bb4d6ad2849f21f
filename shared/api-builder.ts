import { contract, splitChannel, type EventName, type RendererApi } from './contract';

/** Sends one call over whatever transport (Electron IPC or the web bridge). */
export type Invoke = (channel: string, args: unknown) => Promise<unknown>;
/** Subscribes to one event over the transport; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Builds the nested `window.api` object from the contract, so preload and web shim can never drift apart. */
export function buildRendererApi(invoke: Invoke, subscribe: Subscribe): RendererApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(contract)) {
    const [domain, verb] = splitChannel(name);
    api[domain] ??= {};
    api[domain][verb] = (args?: unknown) => invoke(name, args ?? {});
  }
  api.events = {
    subscribe: (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener),
  };
  return api as unknown as RendererApi;
}
