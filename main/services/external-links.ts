/**
 * Decides which URLs may be handed to the operating system: https click-to-chat links on wa.me (exact host, default
 * port, no credentials), and sms:/mailto: links, which only open the owner's own messages or mail app with a text
 * filled in (the SMS/email opt-in requests). Anything else stays refused, so a compromised page cannot launch
 * arbitrary handlers.
 */
export function isAllowedExternalUrl(raw: string, extraHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'sms:' || url.protocol === 'mailto:') return raw.length <= 4096;
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password || url.port) return false;
  const hosts = ['wa.me', ...extraHosts];
  return hosts.includes(url.hostname.toLowerCase());
}
