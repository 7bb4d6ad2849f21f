import { session } from 'electron';

/*
 * Main's own HTTPS calls (Cloud API, Twilio) through Chromium's network stack instead of Node's: it honours the
 * system proxy (and PAC files) and trusts the OS certificate store, where shops' proxies and HTTPS-inspecting
 * antivirus put their root certificates. Node's fetch knows neither. A session of its own, in memory only: the
 * default session cancels every http(s) request (the renderer loads nothing remote), and this one is used by no page.
 */

/** The partition of main's network session (no `persist:` prefix: nothing is written to disk). */
export const NETWORK_PARTITION = 'outreach-desk-network';

/** A fetch for the services, backed by Chromium. Call after `ready`. */
export function chromiumFetch(): typeof fetch {
  const ses = session.fromPartition(NETWORK_PARTITION, { cache: false });
  // Nothing loads in this session, but should anything ever ask for a permission here, the answer is no.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  return ((input: string | URL | Request, init?: RequestInit) => ses.fetch(input instanceof URL ? input.href : input, init)) as typeof fetch;
}
