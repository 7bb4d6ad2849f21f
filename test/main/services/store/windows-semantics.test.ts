import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataStore } from '../../../../main/services/store/data-store';
import { fsyncDir, renameWithRetry, writeSmallFileAtomic } from '../../../../main/services/store/fs-atomic';
import { windowsFs } from '../../../support/windows-fs';
import { tempDir } from './temp-dir';

// Installed here too (not only by the windows-fs project), so these checks mean the same in every project.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { windowsFsPromises } = await import('../../../support/windows-fs');
  return windowsFsPromises(await importOriginal<typeof import('node:fs/promises')>());
});

type Contact = { id: string; name: string };

afterEach(() => windowsFs.setTransientRenameFailures(0));

describe('the store on a Windows-like file system', () => {
  it('treats a refused directory fsync as done (Windows cannot flush a folder) and still writes durably', async () => {
    const dir = await tempDir();
    const before = windowsFs.counts().dirFsyncRefused;
    await expect(fsyncDir(dir)).resolves.toBeUndefined();
    await writeSmallFileAtomic(path.join(dir, 'schema.json'), '{"version":1}');
    expect(windowsFs.counts().dirFsyncRefused).toBeGreaterThan(before);
    expect(await fs.readFile(path.join(dir, 'schema.json'), 'utf8')).toBe('{"version":1}');
  });

  it('retries renames an antivirus holds up for a moment, and gives up after a bounded time', async () => {
    const dir = await tempDir();
    windowsFs.setTransientRenameFailures(4, 'EPERM');
    const store = await DataStore.open({ dir: path.join(dir, 'data') });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    await (await store.collection<Contact>('contacts')).compact();
    const backup = await store.backup();
    await store.close();
    expect(backup.bytes).toBeGreaterThan(0);
    expect(windowsFs.counts().renameRefusedTransient).toBeGreaterThan(4);

    // Held for good (more failures than the back-off allows): the caller gets the error, nothing is lost.
    windowsFs.setTransientRenameFailures(1_000, 'EBUSY');
    await fs.writeFile(path.join(dir, 'a'), 'x');
    await expect(renameWithRetry(path.join(dir, 'a'), path.join(dir, 'b'))).rejects.toMatchObject({ code: 'EBUSY' });
    expect(await fs.readFile(path.join(dir, 'a'), 'utf8')).toBe('x');
  });

  it('refuses to restore over a folder while a file in it is open, and leaves the data as it was', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = await DataStore.open({ dir });
    await (await store.collection<Contact>('contacts')).upsert({ id: 'a', name: 'Ana' });
    const backup = await store.backup();
    await (await store.collection<Contact>('contacts')).upsert({ id: 'b', name: 'Bo' });
    await store.close();
    // Like Chromium's files when the data folder was Chromium's profile folder: open for the whole run.
    const held = await fs.open(path.join(dir, 'schema.json'), 'r');
    try {
      await expect(DataStore.restore({ dir, backupPath: backup.path })).rejects.toMatchObject({ code: 'restore_failed' });
    } finally {
      await held.close();
    }
    const reopened = await DataStore.open({ dir });
    expect((await reopened.collection<Contact>('contacts')).all().map((c) => c.id).sort()).toEqual(['a', 'b']);
    await reopened.close();
    await expect(fs.access(`${dir}.restoring`)).rejects.toThrow();
    // Once nothing holds it, the same restore goes through.
    await DataStore.restore({ dir, backupPath: backup.path });
  }, 30_000);
});
