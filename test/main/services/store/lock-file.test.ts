import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataStore } from '../../../../main/services/store/data-store';
import { runTsChild, type ChildRun } from '../../../support/child-app';
import { tempDir } from './temp-dir';

const children: ChildRun[] = [];
afterEach(async () => {
  for (const run of children.splice(0)) {
    run.child.kill('SIGKILL');
    await run.exit;
  }
});

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A lock as a crashed copy of the app leaves it: the LOCK folder with its owner, last refreshed `ageMs` ago. */
async function leaveLock(dir: string, pid: number, ageMs: number): Promise<void> {
  const lock = path.join(dir, 'LOCK');
  await fs.mkdir(lock, { recursive: true });
  await fs.writeFile(path.join(lock, 'owner.json'), JSON.stringify({ pid, host: os.hostname(), at: 0, token: randomUUID() }));
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(lock, at, at);
}

describe('data folder lock', () => {
  it('refuses a folder another running copy holds, naming its process', async () => {
    const dir = path.join(await tempDir(), 'data');
    const goFile = path.join(dir, '..', 'go');
    await fs.writeFile(goFile, '0');
    const holder = runTsChild('test/fixtures/store-child.ts', ['lock-race', dir, goFile], ['WON', 'LOST']);
    children.push(holder);
    await holder.ready;
    expect(holder.output()).toContain('WON');
    const refused = DataStore.open({ dir });
    await expect(refused).rejects.toMatchObject({ code: 'locked' });
    await expect(refused).rejects.toThrow(`process ${holder.child.pid}`);
  });

  it('takes over at once the lock of a copy that exited, and releases it on close', async () => {
    const dir = path.join(await tempDir(), 'data');
    await leaveLock(dir, await exitedPid(), 0);
    const store = await DataStore.open({ dir });
    const owner = JSON.parse(await fs.readFile(path.join(dir, 'LOCK', 'owner.json'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    await store.close();
    await expect(fs.access(path.join(dir, 'LOCK'))).rejects.toThrow();
  });

  it('is not blocked for ever by a stale lock whose process id now belongs to another program', async () => {
    const dir = path.join(await tempDir(), 'data');
    // Our parent is alive, like an unrelated program that was given the crashed app's pid.
    await leaveLock(dir, process.ppid, 2_000);
    await expect(DataStore.open({ dir })).rejects.toMatchObject({ code: 'locked' });
    await leaveLock(dir, process.ppid, 60_000);
    const store = await DataStore.open({ dir });
    await store.close();
  });

  it('is not blocked by a lock folder whose holder was killed while releasing it (no owner left in it)', async () => {
    const dir = path.join(await tempDir(), 'data');
    await fs.mkdir(path.join(dir, 'LOCK'), { recursive: true });
    const store = await DataStore.open({ dir });
    await store.close();
  });

  it('treats the LOCK file of an older version as stale, and keeps it out of the data', async () => {
    const dir = path.join(await tempDir(), 'data');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'LOCK'), JSON.stringify({ pid: process.ppid, host: os.hostname(), at: 0 }));
    const store = await DataStore.open({ dir });
    expect((await fs.stat(path.join(dir, 'LOCK'))).isDirectory()).toBe(true);
    const backup = await store.backup();
    expect((await fs.readdir(backup.path)).filter((name) => name.startsWith('LOCK'))).toEqual([]);
    await store.close();
  });
});
