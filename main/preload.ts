import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildRendererApi, type Invoke, type Subscribe } from '../shared/api-builder';
import { events, type RendererApi } from '../shared/contract';

/*
 * Runs sandboxed with context isolation: it can only require('electron') (everything else is bundled in),
 * and it exposes named functions derived from the contract — never ipcRenderer, never the IPC event.
 */

/** Calls one channel in main; the result is already a plain Result object. */
export const invoke: Invoke = (channel, args) => ipcRenderer.invoke(channel, args);

/** Subscribes to one contract event; unknown names are refused so the page cannot listen on arbitrary channels. */
export const subscribe: Subscribe = (event, listener) => {
  if (typeof event !== 'string' || !Object.hasOwn(events, event)) {
    throw new Error(`There is no event called "${String(event)}".`);
  }
  if (typeof listener !== 'function') throw new Error('An event listener must be a function.');
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

contextBridge.exposeInMainWorld('api', buildRendererApi(invoke, subscribe) satisfies RendererApi);
