import { describe, expect, it, vi } from 'vitest';
import { chooseApi, inDesktopApp, PRELOAD_MISSING, preloadMissingApi, preloadMissingMessage } from '../../renderer/api';
import type { RendererApi } from '../../shared/contract';

/*
 * renderer/api.ts reads window at import; these tests import it with a minimal window/navigator stand-in, since
 * the suite runs in Node, and test the choice through its exported functions.
 */
vi.hoisted(() => {
  Object.assign(globalThis, {
    window: { api: { marker: 'preload' }, location: { protocol: 'app:' } },
    navigator: { userAgent: 'Node', languages: ['en'] },
  });
});

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36';
const ELECTRON = `${CHROME.replace(' Safari', ' OutreachDesk/0.1.0 Electron/40.10.2 Safari')}`;
const preload = { marker: 'preload' } as unknown as RendererApi;
const shim = { marker: 'shim' } as unknown as RendererApi;

describe('chooseApi', () => {
  it("uses the preload's object whenever it exists", () => {
    expect(chooseApi({ api: preload, protocol: 'app:', userAgent: ELECTRON }, () => shim, 'x', vi.fn())).toBe(preload);
  });

  it('uses the web-bridge shim in an ordinary browser', () => {
    const onMissing = vi.fn();
    expect(chooseApi({ api: undefined, protocol: 'http:', userAgent: CHROME }, () => shim, 'x', onMissing)).toBe(shim);
    expect(onMissing).not.toHaveBeenCalled();
  });

  it('never falls back to the shim in the desktop app: every call fails with a clear message, and it is shown', async () => {
    for (const env of [
      { api: undefined, protocol: 'app:', userAgent: ELECTRON },
      { api: undefined, protocol: 'app:', userAgent: CHROME },
      { api: undefined, protocol: 'http:', userAgent: ELECTRON },
    ]) {
      const makeShim = vi.fn(() => shim);
      const onMissing = vi.fn();
      const api = chooseApi(env, makeShim, PRELOAD_MISSING.es, onMissing);
      expect(makeShim).not.toHaveBeenCalled();
      expect(onMissing).toHaveBeenCalledWith(PRELOAD_MISSING.es);
      expect(await api.profile.get()).toEqual({ ok: false, error: { code: 'preload_missing', message: PRELOAD_MISSING.es } });
      expect(typeof api.events.subscribe('data:changed', () => undefined)).toBe('function');
    }
  });

  it('recognises the desktop app by origin or user agent', () => {
    expect(inDesktopApp({ protocol: 'app:', userAgent: CHROME })).toBe(true);
    expect(inDesktopApp({ protocol: 'http:', userAgent: ELECTRON })).toBe(true);
    expect(inDesktopApp({ protocol: 'http:', userAgent: CHROME })).toBe(false);
  });
});

describe('the preload-missing message', () => {
  it('exists in the four languages and follows the browser language', () => {
    expect(preloadMissingMessage(['pt-BR', 'en'])).toBe(PRELOAD_MISSING.pt);
    expect(preloadMissingMessage(['fr', 'hi-IN'])).toBe(PRELOAD_MISSING.hi);
    expect(preloadMissingMessage(['fr'])).toBe(PRELOAD_MISSING.en);
    for (const text of Object.values(PRELOAD_MISSING)) expect(text.length).toBeGreaterThan(40);
    expect(preloadMissingApi('m')).toHaveProperty('backup');
  });
});
