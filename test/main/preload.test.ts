import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, events, type RendererApi } from '../../shared/contract';
import { contextBridge, ipcRenderer } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

let api: RendererApi;

beforeAll(async () => {
  await import('../../main/preload');
  api = contextBridge.exposed.api as RendererApi;
});

describe('preload', () => {
  it('exposes one object, `api`, with a function per contract channel and nothing else', () => {
    expect(Object.keys(contextBridge.exposed)).toEqual(['api']);
    const domains = new Set(Object.keys(contract).map((name) => name.split(':')[0]));
    expect(new Set(Object.keys(api))).toEqual(new Set([...domains, 'events']));
    for (const name of Object.keys(contract)) {
      const [domain, verb] = name.split(':') as [string, string];
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb]).toBe('function');
    }
    for (const raw of ['ipcRenderer', 'invoke', 'send', 'on', 'require']) expect(Object.keys(api)).not.toContain(raw);
  });

  it('sends a call as ipcRenderer.invoke(channel, args) and returns the result as it is', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(api.profile.get()).resolves.toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('profile:get', {});
  });

  it('delivers event payloads without the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.events.subscribe('profile:changed', listener);
    const ipcEvent = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emit('profile:changed', ipcEvent, { at: 'now' });
    expect(listener).toHaveBeenCalledWith({ at: 'now' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    ipcRenderer.emit('profile:changed', ipcEvent, { at: 'later' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('profile:changed')).toBe(0);
  });

  it('refuses to listen on anything that is not a contract event', () => {
    expect(Object.keys(events)).not.toContain('profile:save');
    expect(() => api.events.subscribe('profile:save' as never, vi.fn())).toThrow(/no event called/);
    expect(() => api.events.subscribe('__proto__' as never, vi.fn())).toThrow(/no event called/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
