import type { RendererApi, Result } from '../shared/contract';
import { createWebShim } from './web-shim';

declare global {
  interface Window {
    api?: RendererApi;
  }
}

/** The only reader of `window.api`: the Electron preload's object, or the web-bridge shim in a browser. */
export const api: RendererApi = window.api ?? createWebShim();

/** Unwraps a result for places where a failure is already shown by the caller's catch. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error });
  return result.value;
}

/** Opens a WhatsApp click-to-chat link: main opens it in the system browser; in a browser tab we open it ourselves. */
export async function openWhatsApp(url: string): Promise<void> {
  const result = await api.app.openExternal({ url });
  if (result.ok && !result.value.opened) window.open(url, '_blank', 'noopener,noreferrer');
}
