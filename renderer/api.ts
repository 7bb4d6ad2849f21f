import { buildRendererApi } from '../shared/api-builder';
import type { RendererApi, Result } from '../shared/contract';
import { createWebShim } from './web-shim';

declare global {
  interface Window {
    api?: RendererApi;
  }
}

/** Where the page runs, as far as choosing the API goes. */
export interface PageEnvironment {
  /** What the preload exposed, if it ran. */
  api: RendererApi | undefined;
  protocol: string;
  userAgent: string;
}

/** True inside the desktop app: our app:// origin, or Electron's user agent. */
export function inDesktopApp(env: Pick<PageEnvironment, 'protocol' | 'userAgent'>): boolean {
  return env.protocol === 'app:' || /\bElectron\//.test(env.userAgent);
}

/** What the owner reads when the desktop app's preload did not run, in the app's four languages. */
export const PRELOAD_MISSING: Record<'en' | 'es' | 'pt' | 'hi', string> = {
  en: 'Outreach Desk could not connect to its own background process, so nothing can be shown or saved. Quit the app and open it again; if this keeps happening, reinstall it.',
  es: 'Outreach Desk no pudo conectar con su propio proceso de fondo, así que no se puede mostrar ni guardar nada. Cierra la aplicación y ábrela de nuevo; si se repite, vuelve a instalarla.',
  pt: 'O Outreach Desk não conseguiu se conectar ao seu próprio processo em segundo plano, então nada pode ser mostrado nem salvo. Feche o aplicativo e abra-o novamente; se continuar acontecendo, reinstale-o.',
  hi: 'Outreach Desk अपनी पृष्ठभूमि प्रक्रिया से नहीं जुड़ सका, इसलिए कुछ भी दिखाया या सेव नहीं किया जा सकता। ऐप बंद करके फिर से खोलें; अगर ऐसा होता रहे, तो इसे फिर से इंस्टॉल करें।',
};

/** The message in the first of the given languages we ship. */
export function preloadMissingMessage(languages: readonly string[]): string {
  for (const tag of languages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === 'en' || base === 'es' || base === 'pt' || base === 'hi') return PRELOAD_MISSING[base];
  }
  return PRELOAD_MISSING.en;
}

/** An API whose every call fails with `preload_missing`: the screens show the error instead of pretending. */
export function preloadMissingApi(message: string): RendererApi {
  return buildRendererApi(
    async () => ({ ok: false, error: { code: 'preload_missing', message } }),
    () => () => undefined,
  );
}

/**
 * The API for this page: the preload's object; in a browser, the web-bridge shim. In the desktop app without the
 * preload's object (it failed to load or threw) the shim would only talk to a web bridge that is not there, and
 * fail in confusing ways — so every call fails with a clear message instead, and `onMissing` shows it.
 */
export function chooseApi(env: PageEnvironment, makeShim: () => RendererApi, message: string, onMissing: (message: string) => void): RendererApi {
  if (env.api) return env.api;
  if (!inDesktopApp(env)) return makeShim();
  onMissing(message);
  return preloadMissingApi(message);
}

/** Puts the message at the top of the page, announced to screen readers, whatever else renders. */
function showPreloadMissing(message: string): void {
  const show = () => {
    const banner = document.createElement('div');
    banner.setAttribute('role', 'alert');
    banner.className = 'preload-missing';
    banner.textContent = message;
    document.body.prepend(banner);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

/** The only reader of `window.api`: the Electron preload's object, or the web-bridge shim in a browser. */
export const api: RendererApi = chooseApi(
  { api: window.api, protocol: window.location.protocol, userAgent: navigator.userAgent },
  createWebShim,
  preloadMissingMessage(navigator.languages),
  (message) => {
    console.error(`window.api is missing in the desktop app: ${message}`);
    showPreloadMissing(message);
  },
);

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
