/** The parts of a key press the kiosk decides on (Electron's `before-input-event` Input has these fields). */
export interface KioskKeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** Keys that would reload, close, leave full screen or open developer tools, on every platform. */
const PLAIN_KEYS = new Set(['F5', 'F11', 'F12', 'BrowserRefresh']);
/** With Ctrl (Windows, Linux) or Cmd (macOS): reload, close the window, quit, new window, print, zoom reset. */
const COMMAND_KEYS = new Set(['r', 'w', 'q', 'n', 'p', 'm', 'h']);
/** With Ctrl+Shift or Cmd+Alt: the developer tools' shortcuts. */
const DEVTOOLS_KEYS = new Set(['i', 'j', 'c']);

/**
 * Whether the kiosk window swallows this key press. The window also has no menu (so no accelerators) and
 * devTools off; this covers what Chromium itself binds to keys. Typing, Tab, Enter, Escape and arrows pass.
 */
export function isKioskEscapeKey(input: KioskKeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (PLAIN_KEYS.has(input.key)) return true;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (command && COMMAND_KEYS.has(key)) return true;
  if (command && (input.shift || input.alt) && DEVTOOLS_KEYS.has(key)) return true;
  // Alt+F4 closes the window on Windows and Linux; Alt+Left/Right go back and forward.
  if (input.alt && (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight')) return true;
  return false;
}

/** Which window the app shows for this kiosk state: the customer kiosk alone, or the shop's main window. */
export function windowForKiosk(kioskOn: boolean): 'kiosk' | 'main' {
  return kioskOn ? 'kiosk' : 'main';
}
