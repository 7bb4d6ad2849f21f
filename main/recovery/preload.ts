import { contextBridge, ipcRenderer } from 'electron';
import { RECOVERY_CHANNELS, type RecoveryApi } from './contract';

/*
 * The recovery window's preload: sandboxed, context-isolated, and able to call exactly the two recovery channels.
 * It imports only types and the channel names from contract.ts, so no zod is bundled into it.
 */
const recovery: RecoveryApi = {
  view: () => ipcRenderer.invoke(RECOVERY_CHANNELS.view),
  act: (request) => ipcRenderer.invoke(RECOVERY_CHANNELS.act, request),
};

contextBridge.exposeInMainWorld('recovery', recovery);
