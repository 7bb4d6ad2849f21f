import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extraLinkHosts } from '../../../main/electron/link-hosts';
import { pickLocale } from '../../../main/electron/locale';
import { createLogFile } from '../../../main/electron/log-file';
import { chromiumFetch, NETWORK_PARTITION } from '../../../main/electron/network';
import { relaunchAfterRestore } from '../../../main/electron/relaunch';
import type { Handlers } from '../../../main/dispatch';
import { tempDir } from '../../support/temp-dir';
import { resetElectronMock, session } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

let temp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  resetElectronMock();
  temp = await tempDir('od-electron-helpers-');
});
afterEach(() => temp.cleanup());

describe('pickLocale', () => {
  it.each([
    ['es-419', 'es'],
    ['es', 'es'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['hi', 'hi'],
    ['hi-IN', 'hi'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%s → %s', (system, locale) => {
    expect(pickLocale(system)).toBe(locale);
  });
});

describe('extraLinkHosts', () => {
  it('reads plain host names from settings, lower-cased and without duplicates', () => {
    expect(extraLinkHosts({ externalLinkHosts: ['Shop.Example', 'shop.example', 'menu.cafe-sol.es'] })).toEqual(['shop.example', 'menu.cafe-sol.es']);
  });

  it('counts anything malformed as none, never as everything', () => {
    for (const value of [['*'], ['https://shop.example'], ['shop.example:8443'], ['shop.example/menu'], ['localhost'], 'shop.example', [1], null]) {
      expect(extraLinkHosts({ externalLinkHosts: value })).toEqual([]);
    }
    expect(extraLinkHosts(undefined)).toEqual([]);
    expect(extraLinkHosts({})).toEqual([]);
  });
});

describe('createLogFile', () => {
  it('appends one line per message to main.log, owner-only, with newlines flattened', async () => {
    const log = createLogFile(() => temp.dir, { now: () => new Date('2026-12-06T05:00:00Z') });
    log('start-up failed (damaged): StoreError (corrupt)\nsecond line');
    log('again');
    const text = await readFile(path.join(temp.dir, 'main.log'), 'utf8');
    expect(text).toBe('2026-12-06T05:00:00.000Z start-up failed (damaged): StoreError (corrupt) | second line\n2026-12-06T05:00:00.000Z again\n');
    if (process.platform !== 'win32') expect((await stat(path.join(temp.dir, 'main.log'))).mode & 0o777).toBe(0o600);
  });

  it('rotates past its size limit, and never throws when it cannot write', async () => {
    const log = createLogFile(temp.dir, { maxBytes: 80 });
    log('x'.repeat(50));
    log('y'.repeat(50));
    expect(await readFile(path.join(temp.dir, 'main.old.log'), 'utf8')).toContain('x'.repeat(50));
    expect(await readFile(path.join(temp.dir, 'main.log'), 'utf8')).toContain('y'.repeat(50));
    const echo = vi.fn();
    const broken = createLogFile(path.join(temp.dir, 'main.log', 'cannot-be-a-folder'), { echo });
    expect(() => broken('still fine')).not.toThrow();
    expect(echo).toHaveBeenCalledWith(expect.stringContaining('still fine'));
  });
});

describe('chromiumFetch', () => {
  it("uses a session of its own (not the default one, which cancels every http request) and refuses permissions there", async () => {
    const fetched = vi.fn(async () => new Response('ok'));
    session.fromPartition(NETWORK_PARTITION).fetch = fetched;
    session.fromPartition.mockClear();
    const fetchImpl = chromiumFetch();
    expect(session.fromPartition).toHaveBeenCalledWith(NETWORK_PARTITION, { cache: false });
    const response = await fetchImpl(new URL('https://graph.facebook.com/v23.0/me'), { method: 'GET' });
    expect(await response.text()).toBe('ok');
    expect(fetched).toHaveBeenCalledWith('https://graph.facebook.com/v23.0/me', { method: 'GET' });
    const ses = session.fromPartition(NETWORK_PARTITION);
    expect(ses.permissionCheckHandler?.()).toBe(false);
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('relaunchAfterRestore', () => {
  it('restarts the app after a restore was accepted, not before and not after a refusal', async () => {
    const later: (() => void)[] = [];
    const relaunch = vi.fn();
    let refuse = false;
    const handlers = {
      'backup:restore': vi.fn(async () => {
        if (refuse) throw new Error('That backup is damaged');
        return { restartRequired: true as const };
      }),
      'backup:list': vi.fn(),
    } as unknown as Handlers;
    const wrapped = relaunchAfterRestore(handlers, relaunch, (run) => later.push(run));
    expect(wrapped['backup:list']).toBe(handlers['backup:list']);
    await expect(wrapped['backup:restore']({ path: '/b' }, { transport: 'electron' })).resolves.toEqual({ restartRequired: true });
    expect(relaunch).not.toHaveBeenCalled();
    later.shift()?.();
    expect(relaunch).toHaveBeenCalledTimes(1);
    refuse = true;
    await expect(wrapped['backup:restore']({ path: '/b' }, { transport: 'electron' })).rejects.toThrow(/damaged/);
    expect(later).toHaveLength(0);
  });
});
