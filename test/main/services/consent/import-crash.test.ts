import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentLedger } from '../../../../main/services/consent/ledger';
import { DataStore } from '../../../../main/services/store/data-store';
import { verifyChain } from '../../../../shared/domain/consent';
import { runTsChild } from '../../../support/child-app';

const CHILD = path.resolve(import.meta.dirname, '../../../fixtures/ledger-import-child.ts');
const KILLS = Number(process.env.IMPORT_KILLS ?? 10);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'import-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import batches under SIGKILL', () => {
  it(`keep every acknowledged contact and event, and reopen consistent, over ${KILLS} kills`, async () => {
    let seed = 4242;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const acknowledged = new Map<string, number>();
    let batches = 0;
    for (let run = 0; run < KILLS; run++) {
      const child = runTsChild(CHILD, [dir, String(run)]);
      await Promise.race([child.ready, child.exit]);
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.floor(random() * 300)));
      child.child.kill('SIGKILL');
      expect(await child.exit, child.output()).toBeNull();
      for (const line of child.output().split('\n')) {
        if (!line.startsWith('A ')) continue;
        batches++;
        for (const entry of line.slice(2).split(',')) {
          const [phone, added] = entry.split(':');
          acknowledged.set(phone!, (acknowledged.get(phone!) ?? 0) + Number(added));
        }
      }

      const store = await DataStore.open({ dir });
      const ledger = await ConsentLedger.open({ store, deviceId: 'check', now: () => new Date() });
      for (const [phone, events] of acknowledged) {
        const record = ledger.findByPhone(phone);
        expect(record, `${phone} after kill ${run}`).toBeDefined();
        expect(record!.eventCount).toBeGreaterThanOrEqual(events);
      }
      const byContact = new Map<string, number>();
      for await (const event of ledger.allEvents()) byContact.set(event.contactId, (byContact.get(event.contactId) ?? 0) + 1);
      // No event without its contact, and every contact agrees with its log and its chain.
      for (const contactId of byContact.keys()) expect(() => ledger.get(contactId)).not.toThrow();
      for (const record of ledger.search({ text: '', offset: 0, limit: 1_000_000 }).records) {
        expect(record.eventCount, record.phone).toBe(byContact.get(record.id) ?? 0);
        const { events, chain } = await ledger.history(record.id);
        expect(chain, record.phone).toEqual({ ok: true });
        expect(verifyChain(events, record.head ? { headHash: record.head.hash } : {})).toEqual({ ok: true });
        if (events.length > 0) expect(record.derived.marketing.state).toBe('opted_in');
      }
      await ledger.close();
      await store.close();
    }
    expect(batches).toBeGreaterThan(KILLS);
  }, 180_000);
});
