import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileService } from '../../../main/services/profile-service';
import { openSettings } from '../../../main/services/settings-store';
import { tempDir } from '../../support/temp-dir';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

describe('settings persistence through a real lowdb file', () => {
  it('keeps the saved profile across a reopen', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const now = () => new Date('2026-11-25T10:00:00Z');
    const first = new ProfileService(await openSettings(tmp.dir), now);
    await first.save({ businessName: 'Loja do Zé', country: 'BR', phone: '(11) 96123-4567', locale: 'pt', mode: 'sandbox' });

    const onDisk = JSON.parse(await readFile(path.join(tmp.dir, 'settings.json'), 'utf8'));
    expect(onDisk.profile.phoneE164).toBe('+5511961234567');

    const reopened = new ProfileService(await openSettings(tmp.dir), now);
    expect(reopened.get()).toMatchObject({
      businessName: 'Loja do Zé',
      phoneE164: '+5511961234567',
      locale: 'pt',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('serialises concurrent updates so none is lost', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const store = await openSettings(tmp.dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((doc) => {
          doc[`k${i}`] = i;
        }),
      ),
    );
    const reopened = await openSettings(tmp.dir);
    for (let i = 0; i < 20; i++) expect(reopened.data[`k${i}`]).toBe(i);
  });

  it('leaves the stored document untouched when a change throws', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const store = await openSettings(tmp.dir);
    await store.update((doc) => {
      doc.kept = 'yes';
    });
    await expect(
      store.update((doc) => {
        doc.kept = 'no';
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    expect(store.data.kept).toBe('yes');
    expect(JSON.parse(await readFile(path.join(tmp.dir, 'settings.json'), 'utf8')).kept).toBe('yes');
  });

  it('opens with defaults when the folder is new, and keeps unknown keys of newer versions', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    await writeFile(path.join(tmp.dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, profile: null, future: 1 }));
    const store = await openSettings(tmp.dir);
    expect(store.data.ownerPin).toBeNull();
    expect(store.data.future).toBe(1);
  });
});
