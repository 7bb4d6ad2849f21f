import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../support/app-harness';
import { tempDir } from '../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function optIn(h: Awaited<ReturnType<typeof openHarness>>, phone: string) {
  const version = ((await h.dispatch('consent:statement', { purposes: ['utility'] }, web)) as any).value.version;
  const r = await h.dispatch(
    'consent:optInInPerson',
    { phone, name: phone, purposes: ['utility'], staffMember: 'Sam', statementVersion: version, locale: 'en', agreed: true },
    web,
  );
  expect(r.ok).toBe(true);
}

describe('backups', () => {
  it('backs up now, then restores that backup at the next start', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const dataDir = `${tmp.dir}/data`;
    const first = await openHarness({ dataDir });
    await first.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
    await optIn(first, '07400111111');
    const made = await first.dispatch('backup:create', {}, web);
    expect(made).toMatchObject({ ok: true, value: { kind: 'manual' } });
    await optIn(first, '07400222222');
    const listed = (await first.dispatch('backup:list', {}, web)) as any;
    expect(listed.value.backups).toHaveLength(1);
    expect(await first.dispatch('backup:restore', { path: '/not/a/backup' }, web)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'path' },
    });
    expect(await first.dispatch('backup:restore', { path: (made as any).value.path }, web)).toMatchObject({ ok: true });
    expect(((await first.dispatch('backup:list', {}, web)) as any).value.pendingRestore).toBe((made as any).value.path);
    await first.services.close();

    const second = await openHarness({ dataDir });
    const all = (await second.dispatch('contacts:search', {}, web)) as any;
    expect(all.value.items.map((c: any) => c.phone)).toEqual(['+447400111111']);
    expect(second.services.profile.get()?.businessName).toBe('Shop');
    expect(((await second.dispatch('backup:list', {}, web)) as any).value.pendingRestore).toBeNull();
    await second.services.close();
  });

  it('reports progress while backing up, and a cancelled backup leaves nothing behind', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const dataDir = `${tmp.dir}/data`;
    const h = await openHarness({ dataDir });
    await h.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
    // A large file in the folder (backups copy every file there) makes the copy take many chunks.
    await writeFile(`${dataDir}/attachments.bin`, Buffer.alloc(24 << 20, 7));
    const seen: { done: number; total: number }[] = [];
    const stop = h.services.bus.listen((event, payload) => {
      if (event === 'backup:progress') seen.push(payload as { done: number; total: number });
    });

    const whole = await h.dispatch('backup:create', {}, web);
    expect(whole.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.at(-1)!.total).toBe((whole as any).value.bytes);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));

    seen.length = 0;
    const stopOnFirst = h.services.bus.listen((event) => {
      if (event === 'backup:progress') void h.dispatch('backup:cancel', {}, web);
    });
    // The first progress report comes after the first chunk, so the cancel lands mid-copy.
    const cancelled = await h.dispatch('backup:create', {}, web);
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const listed = (await h.dispatch('backup:list', {}, web)) as any;
    expect(listed.value.backups).toHaveLength(1);
    expect((await readdir(listed.value.folder)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(await h.dispatch('backup:cancel', {}, web)).toMatchObject({ ok: true, value: { cancelled: false } });
    stop();
    stopOnFirst();
    await h.services.close();
  });
});
