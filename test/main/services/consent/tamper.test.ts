import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';
import { tempDir } from '../../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

describe('tampering with the consent journal on disk', () => {
  it('is detected by the chain check on the contact page and in the proof pack', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const first = await openHarness({ dataDir: tmp.dir });
    await first.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
    const version = ((await first.dispatch('consent:statement', { purposes: ['marketing'] }, web)) as any).value.version;
    const opted = (await first.dispatch(
      'consent:optInInPerson',
      { phone: '07400111111', name: 'Jo', purposes: ['marketing'], staffMember: 'Sam', statementVersion: version, locale: 'en', agreed: true },
      web,
    )) as any;
    const id = opted.value.contact.id;
    await first.dispatch('consent:stopOnBehalf', { contactId: id, purposes: ['marketing'], staffMember: 'Sam', note: '' }, web);
    expect(((await first.dispatch('contacts:get', { id }, web)) as any).value.chain.ok).toBe(true);
    await first.services.close();

    // Someone edits the stored opt-out into an opt-in, keeping the line well-formed.
    const files = (await readdir(tmp.dir)).filter((f) => f.startsWith('consent-events'));
    let edited = false;
    for (const file of files) {
      const full = path.join(tmp.dir, file);
      const text = await readFile(full, 'utf8');
      if (text.includes('"type":"revoked"')) {
        await writeFile(full, text.replace('"type":"revoked"', '"type":"confirmed"'));
        edited = true;
      }
    }
    expect(edited).toBe(true);

    const second = await openHarness({ dataDir: tmp.dir });
    const detail = (await second.dispatch('contacts:get', { id }, web)) as any;
    expect(detail.value.chain.ok).toBe(false);
    expect(detail.value.chain.message).toBeTruthy();
    const pack = JSON.parse(((await second.dispatch('export:proofPack', { contactId: id }, web)) as any).value.json);
    expect(pack.chain.ok).toBe(false);
    await second.services.close();
  });
});
