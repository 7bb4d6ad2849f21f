/**
 * Decides which URLs may be handed to the system browser: only https click-to-chat links on wa.me
 * (exact host, default port, no credentials), so a compromised page cannot launch arbitrary handlers.
 */
export function isAllowedExternalUrl(raw: string, extraHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password || url.port) return false;
  const hosts = ['wa.me', ...extraHosts];
  return hosts.includes(url.hostname.toLowerCase());
}
