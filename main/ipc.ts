import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { contract, ErrorCodes, events, type EventName, type Result } from '../shared/contract';
import type { Dispatch } from './dispatch';
import type { EventBus } from './services/event-bus';
import { isAppUrl } from './security';
import { APP_ORIGIN } from './protocol';

/** Decides whether an IPC call comes from a frame we trust. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** The answer a refused sender gets; it says nothing about the channel or the app's state. */
export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: ErrorCodes.forbiddenSender, message: 'This call did not come from the Outreach Desk window.' },
};

/**
 * Trusted = the main frame of our main window, currently showing a page on the app origin.
 * Sub-frames (poster previews) and any other window (none should exist) are refused.
 */
export function createSenderCheck(getMainWindow: () => BrowserWindow | null, appOrigin: string = APP_ORIGIN): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || !isAppUrl(frame.url, appOrigin)) return false;
    const window = getMainWindow();
    if (!window || window.isDestroyed()) return false;
    // Compared through the WebContents and the frame tree rather than WebFrameMain identity, which
    // Electron does not promise to keep stable across calls.
    return event.sender === window.webContents && frame.parent === null;
  };
}

/**
 * The one wrapper every channel is registered through: check the sender, then hand only the channel and
 * the raw arguments to the dispatcher (which parses them). The event object never goes further.
 */
export function wrapIpcHandler(
  dispatch: Dispatch,
  channel: string,
  isTrustedSender: SenderCheck,
): (event: IpcMainInvokeEvent, args: unknown) => Promise<Result<unknown>> {
  return async (event, args) => {
    let trusted: boolean;
    try {
      trusted = isTrustedSender(event);
    } catch {
      trusted = false; // a destroyed frame throws on access: treat it as foreign
    }
    if (!trusted) return FORBIDDEN_SENDER;
    return dispatch(channel, args, { transport: 'electron' });
  };
}

/** Registers every contract channel with ipcMain.handle; returns the function that removes them again. */
export function setupIpc(dispatch: Dispatch, getMainWindow: () => BrowserWindow | null): () => void {
  const check = createSenderCheck(getMainWindow);
  const channels = Object.keys(contract);
  for (const channel of channels) ipcMain.handle(channel, wrapIpcHandler(dispatch, channel, check));
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Forwards service events to the main window. The IPC channel is the contract's event name; only
 * contract events are sent, and only to a live window on the app origin.
 */
export function forwardBusEvents(bus: EventBus, getMainWindow: () => BrowserWindow | null): () => void {
  return bus.listen((event: EventName, payload) => {
    if (!Object.hasOwn(events, event)) return;
    const window = getMainWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(event, payload);
  });
}
