import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CollectionStore } from '../../../../main/services/store/collection-store';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string; tags?: string[] };

const open = (dir: string, compactAfterBytes?: number) => CollectionStore.open<Contact>(dir, 'contacts', { compactAfterBytes });
const sorted = (store: CollectionStore<Contact>) => store.all().sort((a, b) => a.id.localeCompare(b.id));

describe('CollectionStore', () => {
  it('keeps upserts and deletes across a reopen', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.upsert({ id: 'a', name: 'Ana' });
    await store.upsertMany([
      { id: 'b', name: 'Bea' },
      { id: 'a', name: 'Ana María', tags: ['vip'] },
    ]);
    expect(await store.delete('b')).toBe(true);
    expect(await store.delete('zz')).toBe(false);
    await store.close();
    const reopened = await open(dir);
    expect(reopened.all()).toEqual([{ id: 'a', name: 'Ana María', tags: ['vip'] }]);
    expect(reopened.get('b')).toBeUndefined();
    expect(reopened.size).toBe(1);
    await reopened.close();
  });

  it('stores a JSON copy, so later changes to the caller object are not stored', async () => {
    const store = await open(await tempDir());
    const record: Contact & { when?: unknown } = { id: 'a', name: 'Ana', when: undefined };
    await store.upsert(record);
    record.name = 'changed';
    expect(store.get('a')).toEqual({ id: 'a', name: 'Ana' });
    expect(Object.isFrozen(store.get('a'))).toBe(true);
    await store.close();
  });

  it('rejects a record without an id and leaves the data as it was', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.upsert({ id: 'a', name: 'Ana' });
    await expect(store.upsertMany([{ id: 'b', name: 'B' }, { name: 'no id' } as Contact])).rejects.toMatchObject({
      code: 'invalid_record',
    });
    expect(store.all()).toEqual([{ id: 'a', name: 'Ana' }]);
    await store.close();
  });

  it('compacts into a snapshot past the threshold and loses no write made during compaction', async () => {
    const dir = await tempDir();
    const store = await open(dir, 2_000);
    const writes: Promise<void>[] = [];
    for (let n = 0; n < 400; n++) {
      writes.push(store.upsert({ id: `c${n % 150}`, name: `name ${n}` }));
      if (n % 97 === 0) writes.push(store.compact());
    }
    await Promise.all(writes);
    await store.compact();
    const journals = (await fs.readdir(dir)).filter((name) => name.includes('.journal.'));
    expect(journals).toHaveLength(1);
    const expected = sorted(store);
    await store.close();
    const reopened = await open(dir);
    expect(sorted(reopened)).toEqual(expected);
    expect(reopened.get('c10')?.name).toBe('name 310');
    await reopened.close();
  });

  it('matches a plain map under random writes, deletes, compactions and reopens', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('put' as const), id: fc.integer({ min: 0, max: 9 }), name: fc.string() }),
            fc.record({ op: fc.constant('del' as const), id: fc.integer({ min: 0, max: 9 }) }),
            fc.record({ op: fc.constantFrom('compact' as const, 'reopen' as const) }),
          ),
          { maxLength: 40 },
        ),
        async (ops) => {
          const dir = await tempDir();
          let store = await open(dir, 300);
          const model = new Map<string, Contact>();
          for (const op of ops) {
            if (op.op === 'put') {
              model.set(`k${op.id}`, { id: `k${op.id}`, name: op.name });
              await store.upsert({ id: `k${op.id}`, name: op.name });
            } else if (op.op === 'del') {
              model.delete(`k${op.id}`);
              await store.delete(`k${op.id}`);
            } else if (op.op === 'compact') {
              await store.compact();
            } else {
              await store.close();
              store = await open(dir, 300);
            }
          }
          await store.close();
          const final = await open(dir, 300);
          expect(sorted(final)).toEqual([...model.values()].sort((a, b) => a.id.localeCompare(b.id)));
          await final.close();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('replaces all content atomically for migrations, with writes issued meanwhile applied after', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.upsertMany([
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Bea' },
    ]);
    const replaced = store.replaceAll([{ id: 'x', name: 'X' }]);
    const later = store.upsert({ id: 'y', name: 'Y' });
    await Promise.all([replaced, later]);
    expect(sorted(store).map((record) => record.id)).toEqual(['x', 'y']);
    await store.close();
    const reopened = await open(dir);
    expect(sorted(reopened).map((record) => record.id)).toEqual(['x', 'y']);
    await reopened.close();
  });

  it('recovers every crash point of a compaction', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.upsertMany([
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Bea' },
    ]);
    await store.compact();
    await store.upsert({ id: 'c', name: 'Cai' });
    await store.close();
    // State after a crash between "new journal created" and "snapshot renamed": two journals and a temp snapshot.
    await fs.writeFile(path.join(dir, 'contacts.journal.2.jsonl'), '{"d":"a"}\n{"p":{"id":"d","name":"Dee"}}\n');
    await fs.writeFile(path.join(dir, 'contacts.snapshot.jsonl.tmp'), '{"half a snap');
    // A journal older than the snapshot (crash before it was deleted) must not be replayed.
    await fs.writeFile(path.join(dir, 'contacts.journal.0.jsonl'), '{"p":{"id":"zombie","name":"Z"}}\n');
    const reopened = await open(dir);
    expect(sorted(reopened).map((record) => record.id)).toEqual(['b', 'c', 'd']);
    const files = await fs.readdir(dir);
    expect(files).not.toContain('contacts.journal.0.jsonl');
    expect(files).not.toContain('contacts.snapshot.jsonl.tmp');
    await reopened.compact();
    await reopened.close();
    expect((await fs.readdir(dir)).filter((name) => name.includes('.journal.'))).toEqual(['contacts.journal.3.jsonl']);
    const final = await open(dir);
    expect(sorted(final).map((record) => record.id)).toEqual(['b', 'c', 'd']);
    await final.close();
  });

  it('refuses to load a damaged snapshot instead of loading part of it', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.upsertMany([
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Bea' },
    ]);
    await store.compact();
    await store.close();
    const file = path.join(dir, 'contacts.snapshot.jsonl');
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    await fs.writeFile(file, [lines[0], lines[1], lines[3], ''].join('\n'));
    await expect(open(dir)).rejects.toMatchObject({ code: 'corrupt' });
    await fs.rm(file);
    await expect(open(dir)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('refuses names that are not safe file names', async () => {
    await expect(CollectionStore.open(await tempDir(), '../etc')).rejects.toMatchObject({ code: 'invalid_record' });
  });
});
