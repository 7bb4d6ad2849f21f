import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater, type AppUpdater } from 'electron-updater';
import { CHECK_EVERY_MS, mayRestartForUpdate, resolveUpdateFeed, UPDATE_FEED_ENV, type BusyState, type RestartDecision } from '../services/update-policy';

/** The part of electron-updater's AppUpdater this adapter drives (a fake in tests). */
export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on'> & {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  logger: AppUpdater['logger'];
};

/** What the updater needs from the rest of the app. */
export interface AutoUpdateDeps {
  /** Whether a campaign is sending or an import running right now (asked only when a restart is on the table). */
  busy: () => BusyState;
  /** One line per event; messages only (no URLs with tokens, no stacks). */
  log?: (message: string) => void;
  /** Told once an update is ready, so a UI can offer "restart now". */
  onReady?: (version: string) => void;
  /** Defaults: electron-updater's autoUpdater, app.isPackaged, the packaged package.json, process.env. */
  updater?: Updater;
  isPackaged?: boolean;
  appPath?: string;
  env?: NodeJS.ProcessEnv;
}

/** The running updater: the owner's "restart now" goes through the same rule as everything else. */
export interface AutoUpdates {
  /** Checks the feed now (also done at start and every few hours). */
  check(): Promise<void>;
  /** Restarts into the downloaded update if nothing is running; otherwise says why not and changes nothing. */
  restartNow(): RestartDecision;
  /** Stops the periodic checks. */
  stop(): void;
}

/** `updateFeed` in the packaged package.json: a distributor sets it with `-c.extraMetadata.updateFeed=<url>`. */
function packagedFeed(appPath: string): unknown {
  try {
    return (JSON.parse(readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { updateFeed?: unknown }).updateFeed;
  } catch {
    return undefined;
  }
}

/**
 * Background updates from a generic feed (a folder of installers plus latest*.yml that electron-builder writes):
 * check at start and every few hours, download quietly, install when the owner quits, or restart into it when
 * the owner accepts and no campaign or import is running. Off (returns null) in development builds and when no
 * feed is configured.
 */
export function setupAutoUpdates(deps: AutoUpdateDeps): AutoUpdates | null {
  const log = deps.log ?? ((message: string) => console.log(`[updates] ${message}`));
  if (!(deps.isPackaged ?? app.isPackaged)) {
    log('off: not a packaged build');
    return null;
  }
  const env = deps.env ?? process.env;
  const feed = resolveUpdateFeed({ env: env[UPDATE_FEED_ENV], packaged: packagedFeed(deps.appPath ?? app.getAppPath()) });
  if (!feed.on) {
    log(feed.reason === 'not_configured' ? `off: no feed configured (${UPDATE_FEED_ENV} or updateFeed)` : `off: ${feed.detail}`);
    return null;
  }

  const updater = deps.updater ?? autoUpdater;
  const asText = (value: unknown) => (value instanceof Error ? value.message : String(value));
  updater.logger = { info: (m) => log(asText(m)), warn: (m) => log(asText(m)), error: (m) => log(asText(m)), debug: () => {} };
  updater.autoDownload = true;
  // Quitting is the owner's own choice, so installing then never interrupts work; the installer does not relaunch.
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.setFeedURL({ provider: 'generic', url: feed.url });
  log(`on: ${feed.url} (from ${feed.from === 'env' ? UPDATE_FEED_ENV : 'the build'})`);

  let downloaded: string | null = null;
  let checking = false;
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log(`version ${info.version} downloaded; it installs when the app quits`);
    deps.onReady?.(info.version);
  });
  updater.on('error', (error) => log(`failed: ${asText(error)}`));

  const check = async (): Promise<void> => {
    // One check at a time; a downloaded update needs no second download.
    if (checking || downloaded) return;
    checking = true;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      log(`check failed: ${asText(error)}`); // offline shop PCs are normal: try again at the next interval
    } finally {
      checking = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref?.();

  return {
    check,
    restartNow() {
      const decision = mayRestartForUpdate({ downloaded: downloaded !== null, busy: deps.busy() });
      if (decision.restart) {
        log(`restarting into version ${downloaded}`);
        updater.quitAndInstall(false, true);
      } else log(`restart refused: ${decision.reason}`);
      return decision;
    },
    stop: () => clearInterval(timer),
  };
}
