import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupAutoUpdates, type AutoUpdates, type Updater } from '../../../main/electron/updater';
import { tempDir } from '../../support/temp-dir';

vi.mock('electron', () => import('../../mocks/electron'));

/** electron-updater's AppUpdater as far as the adapter drives it. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  logger: Updater['logger'] = null;
  setFeedURL = vi.fn();
  checkForUpdates = vi.fn(async () => null);
  quitAndInstall = vi.fn();
}

const idle = () => ({ campaignSending: false, importRunning: false });
let running: AutoUpdates | null = null;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  running?.stop();
  running = null;
  await cleanup?.();
  cleanup = undefined;
});

async function appWithFeed(updateFeed?: string): Promise<string> {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  const appPath = path.join(tmp.dir, 'app.asar');
  await mkdir(appPath);
  await writeFile(path.join(appPath, 'package.json'), JSON.stringify({ name: 'outreach-desk', ...(updateFeed ? { updateFeed } : {}) }));
  return appPath;
}

function start(overrides: Partial<Parameters<typeof setupAutoUpdates>[0]> & { appPath: string }) {
  const updater = new FakeUpdater();
  const lines: string[] = [];
  running = setupAutoUpdates({ busy: idle, log: (m) => lines.push(m), updater: updater as unknown as Updater, isPackaged: true, env: {}, ...overrides });
  return { updater, lines, updates: running };
}

describe('setupAutoUpdates', () => {
  it('stays off without a feed, and in development builds, touching nothing', async () => {
    const appPath = await appWithFeed();
    const none = start({ appPath });
    expect(none.updates).toBeNull();
    expect(none.updater.setFeedURL).not.toHaveBeenCalled();
    expect(none.updater.checkForUpdates).not.toHaveBeenCalled();
    expect(none.lines.join('\n')).toMatch(/off: no feed configured/);

    const dev = start({ appPath, isPackaged: false, env: { OUTREACH_DESK_UPDATE_URL: 'https://updates.example.com/' } });
    expect(dev.updates).toBeNull();
    expect(dev.updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('uses the generic provider with the configured feed, downloads in the background, installs on quit, checks at start', async () => {
    const appPath = await appWithFeed('https://dist.example.org/desk');
    const { updater } = start({ appPath });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://dist.example.org/desk/' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);

    const fromEnv = start({ appPath, env: { OUTREACH_DESK_UPDATE_URL: 'https://updates.example.com/' } });
    expect(fromEnv.updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/' });
  });

  it('refuses an unusable feed with the reason in the log', async () => {
    const { updates, updater, lines } = start({ appPath: await appWithFeed(), env: { OUTREACH_DESK_UPDATE_URL: 'http://updates.example.com/' } });
    expect(updates).toBeNull();
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(lines.join('\n')).toMatch(/off: OUTREACH_DESK_UPDATE_URL: the update feed must use https/);
  });

  it('restarts into a downloaded update only when no campaign is sending and no import is running', async () => {
    let busy = { campaignSending: true, importRunning: false };
    const onReady = vi.fn();
    const { updater, updates } = start({ appPath: await appWithFeed('https://dist.example.org/'), busy: () => busy, onReady });
    expect(updates!.restartNow()).toEqual({ restart: false, reason: 'nothing_downloaded' });

    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(onReady).toHaveBeenCalledWith('0.2.0');
    expect(updates!.restartNow()).toEqual({ restart: false, reason: 'campaign_sending' });
    busy = { campaignSending: false, importRunning: true };
    expect(updates!.restartNow()).toEqual({ restart: false, reason: 'import_running' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    busy = { campaignSending: false, importRunning: false };
    expect(updates!.restartNow()).toEqual({ restart: true });
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('keeps going after a failed check (offline) and does not check again once an update is downloaded', async () => {
    const { updater, updates, lines } = start({ appPath: await appWithFeed('https://dist.example.org/') });
    await new Promise((resolve) => setImmediate(resolve)); // the check made at start has finished
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await updates!.check();
    expect(lines.join('\n')).toMatch(/check failed: net::ERR_INTERNET_DISCONNECTED/);
    updater.emit('update-downloaded', { version: '0.2.0' });
    const before = updater.checkForUpdates.mock.calls.length;
    await updates!.check();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(before);
  });
});
