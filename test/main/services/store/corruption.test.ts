import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataStore } from '../../../../main/services/store/data-store';
import { tempDir } from './temp-dir';

type Contact = { id: string; name: string };
type Ev = { id: string; contactId: string };

/** A data folder with a compacted collection, a journal tail and a checkpointed event log. */
async function populated(): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  const store = await DataStore.open({ dir });
  const contacts = await store.collection<Contact>('contacts');
  const log = await store.eventLog<Ev>('consent', { key: (e) => e.contactId });
  await contacts.upsertMany([
    { id: 'a', name: 'Ana' },
    { id: 'b', name: 'Bea' },
  ]);
  await contacts.compact();
  await contacts.upsert({ id: 'c', name: 'Cai' });
  await log.append([
    { id: 'e1', contactId: 'a' },
    { id: 'e2', contactId: 'b' },
  ]);
  await store.close();
  return dir;
}

async function contents(dir: string): Promise<{ contacts: string[]; events: string[]; store: DataStore }> {
  const store = await DataStore.open({ dir });
  const contacts = await store.collection<Contact>('contacts');
  const log = await store.eventLog<Ev>('consent', { key: (e) => e.contactId });
  const events: string[] = [];
  for await (const event of log.scan()) events.push(event.id);
  return { contacts: contacts.all().map((c) => c.id).sort(), events, store };
}

const journalOf = async (dir: string) =>
  path.join(dir, (await fs.readdir(dir)).find((name) => /^contacts\.journal\.\d+\.jsonl$/.test(name))!);
const logOf = (dir: string) => path.join(dir, 'consent.events.jsonl');

describe('damaged files', () => {
  it('loads after a torn last line in the collection journal and the event log', async () => {
    const dir = await populated();
    await fs.appendFile(await journalOf(dir), '{"p":{"id":"d","na');
    await fs.appendFile(logOf(dir), '{"e":{"id":"e3","contactId"');
    const { contacts, events, store } = await contents(dir);
    expect(contacts).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['e1', 'e2']);
    await (await store.collection<Contact>('contacts')).upsert({ id: 'd', name: 'Dee' });
    await store.close();
    const after = await contents(dir);
    expect(after.contacts).toEqual(['a', 'b', 'c', 'd']);
    await after.store.close();
  });

  it('loads after garbage was appended, and keeps the garbage aside', async () => {
    const dir = await populated();
    const garbage = Buffer.from([0x00, 0xff, 0x0a, 0x7b, 0x0a, 0x41, 0x42]);
    await fs.appendFile(await journalOf(dir), garbage);
    await fs.appendFile(logOf(dir), garbage);
    const { contacts, events, store } = await contents(dir);
    expect(contacts).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['e1', 'e2']);
    await store.close();
    expect((await fs.readdir(dir)).filter((name) => name.includes('.damaged-'))).toHaveLength(2);
  });

  it('ignores temp files left by a crash during a snapshot, checkpoint or backup', async () => {
    const dir = await populated();
    await fs.writeFile(path.join(dir, 'contacts.snapshot.jsonl.tmp'), '{"format":"outreach-desk/collection-snapshot"');
    await fs.writeFile(path.join(dir, 'consent.events.jsonl.idx.tmp'), 'ODIDX001 half');
    await fs.mkdir(`${dir}-backups/.tmp-manual-20250101T000000Z`, { recursive: true });
    const { contacts, events, store } = await contents(dir);
    expect(contacts).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['e1', 'e2']);
    expect(await store.listBackups()).toEqual([]);
    await store.close();
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a damaged snapshot with a message that says to restore a backup', async () => {
    const dir = await populated();
    const snapshot = path.join(dir, 'contacts.snapshot.jsonl');
    const text = await fs.readFile(snapshot, 'utf8');
    await fs.writeFile(snapshot, text.replace('"Bea"', '"Be'));
    const store = await DataStore.open({ dir });
    await expect(store.collection('contacts')).rejects.toMatchObject({ code: 'corrupt', message: /Restore a backup/ });
    const log = await store.eventLog<Ev>('consent', { key: (e) => e.contactId });
    expect(log.size).toBe(2);
    await store.close();
  });
});
