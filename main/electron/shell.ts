import { shell } from 'electron';
import { isAllowedExternalUrl } from '../services/external-links';

/**
 * Hands a click-to-chat link to the system browser. The URL is checked again here, at the last step,
 * so no caller (IPC handler, navigation guard) can open anything but https://wa.me/… or a configured host.
 */
export async function openExternalLink(url: string, extraHosts: readonly string[] = []): Promise<boolean> {
  if (!isAllowedExternalUrl(url, extraHosts)) return false;
  try {
    await shell.openExternal(url, { activate: true });
    return true;
  } catch {
    return false; // no browser registered, or the OS refused: the UI offers to copy the link instead
  }
}
