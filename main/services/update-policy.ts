/**
 * Update decisions, kept apart from electron-updater so that they can be read and tested in one place:
 * where the update feed comes from (off when nobody configured one), and whether the app may restart into a
 * downloaded update now. A restart mid-campaign or mid-import would cut a send batch or an import batch short;
 * both resume after a restart, but the owner watching progress would see the app vanish, so it never happens
 * on its own: the update then waits for the owner to quit (install on quit) or to accept once the work is done.
 */

/** Environment variable with the feed URL; wins over the one baked into the build. */
export const UPDATE_FEED_ENV = 'OUTREACH_DESK_UPDATE_URL';

/** Hours between two checks while the app stays open (shop PCs run for days). */
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** Where the feed is configured, in the order they win. */
export interface FeedSources {
  /** `OUTREACH_DESK_UPDATE_URL` as the owner or the shop's IT set it. */
  env?: string | undefined;
  /** `updateFeed` from the packaged package.json, set by a distributor at build time. */
  packaged?: unknown;
}

/** The feed to use, or why updates are off. */
export type FeedDecision = { on: true; url: string; from: 'env' | 'packaged' } | { on: false; reason: 'not_configured' | 'invalid_url'; detail?: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function checkUrl(raw: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `"${raw}" is not a URL` };
  }
  // Installers are executed: a feed over plain HTTP could be swapped on the way. Loopback is allowed for testing.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { problem: `the update feed must use https (got ${url.protocol.replace(':', '')})` };
  }
  if (url.username || url.password) return { problem: 'the update feed URL must not carry a user name or password' };
  // electron-updater's generic provider resolves latest.yml relative to the URL: without the slash the last
  // path segment would be dropped.
  return { url: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

/** Picks the feed: the environment first, then the build's own; none (or an unusable one) turns updates off. */
export function resolveUpdateFeed(sources: FeedSources): FeedDecision {
  const candidates: Array<['env' | 'packaged', string]> = [];
  if (typeof sources.env === 'string' && sources.env.trim() !== '') candidates.push(['env', sources.env.trim()]);
  if (typeof sources.packaged === 'string' && sources.packaged.trim() !== '') candidates.push(['packaged', sources.packaged.trim()]);
  const first = candidates[0];
  if (!first) return { on: false, reason: 'not_configured' };
  // The first configured source decides: a broken env value must not silently fall back to another feed.
  const checked = checkUrl(first[1]);
  if ('problem' in checked) return { on: false, reason: 'invalid_url', detail: `${first[0] === 'env' ? UPDATE_FEED_ENV : 'updateFeed'}: ${checked.problem}` };
  return { on: true, url: checked.url, from: first[0] };
}

/** What keeps the app busy right now. */
export interface BusyState {
  /** A campaign is sending (scheduled and paused ones pick up again after a restart without anyone watching). */
  campaignSending: boolean;
  /** A CSV import is running. */
  importRunning: boolean;
}

/** Whether a downloaded update may restart the app now, and if not, why. */
export type RestartDecision = { restart: true } | { restart: false; reason: 'nothing_downloaded' | 'campaign_sending' | 'import_running' };

/** The one rule for restarting into an update: only a downloaded update, and never while work is running. */
export function mayRestartForUpdate(input: { downloaded: boolean; busy: BusyState }): RestartDecision {
  if (!input.downloaded) return { restart: false, reason: 'nothing_downloaded' };
  if (input.busy.campaignSending) return { restart: false, reason: 'campaign_sending' };
  if (input.busy.importRunning) return { restart: false, reason: 'import_running' };
  return { restart: true };
}

/** The narrow views of the services that say whether work is running. */
export interface BusySources {
  campaigns: { list(): ReadonlyArray<{ status: string }> };
  imports: { isRunning(): boolean };
}

/** Reads the busy state from the campaigns and import services. */
export function busyState(sources: BusySources): BusyState {
  return {
    campaignSending: sources.campaigns.list().some((campaign) => campaign.status === 'sending'),
    importRunning: sources.imports.isRunning(),
  };
}
