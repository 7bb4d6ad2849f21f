import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../../../main/services/store/event-log';
import { tempDir } from './temp-dir';

type ConsentEvent = { id: string; contactId: string; type: string; textShown?: string; evidence?: object };

const TEXT = 'Yes, I want to receive marketing messages from Panadería La Esquina on WhatsApp. Reply STOP at any time to stop.';
const open = (dir: string, checkpointAfterBytes?: number) =>
  EventLog.open<ConsentEvent>(dir, 'consent', { key: (event) => event.contactId, intern: ['textShown'], checkpointAfterBytes });
const event = (n: number, contactId = `c${n % 3}`): ConsentEvent => ({
  id: `e${n}`,
  contactId,
  type: n % 2 ? 'confirmed' : 'requested',
  textShown: TEXT,
  evidence: { body: 'YES', n },
});
const dataFile = (dir: string) => path.join(dir, 'consent.events.jsonl');

describe('EventLog', () => {
  it('returns the events of a key in order, across a reopen', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    await log.append([event(0), event(1), event(2)]);
    await log.append([event(3)]);
    expect((await log.eventsFor('c0')).map((e) => e.id)).toEqual(['e0', 'e3']);
    expect(log.countFor('c1')).toBe(1);
    expect(log.size).toBe(4);
    await log.close();
    const reopened = await open(dir);
    expect(await reopened.eventsFor('c0')).toEqual([event(0), event(3)]);
    expect([...reopened.keys()].sort()).toEqual(['c0', 'c1', 'c2']);
    expect(await reopened.eventsFor('nobody')).toEqual([]);
    await reopened.close();
  });

  it('shows an appended event to readers before its fsync completes', async () => {
    const log = await open(await tempDir());
    expect(await log.lastFor('x')).toBeUndefined();
    const appending = log.append([event(0, 'x')]);
    expect(await log.eventsFor('x')).toEqual([event(0, 'x')]);
    const next = log.append([event(1, 'x')]);
    expect(await log.lastFor('x')).toEqual(event(1, 'x'));
    await Promise.all([appending, next]);
    expect(await log.lastFor('x')).toEqual(event(1, 'x'));
    await log.close();
    await expect(log.eventsFor('x')).rejects.toMatchObject({ code: 'closed' });
  });

  it('stores a long text once and gives it back in the same field order', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    for (let n = 0; n < 10; n++) await log.append([event(n)]);
    await log.close();
    const raw = await fs.readFile(dataFile(dir), 'utf8');
    expect(raw.split(TEXT).length - 1).toBe(1);
    const reopened = await open(dir);
    const [first] = await reopened.eventsFor('c0');
    expect(JSON.stringify(first)).toBe(JSON.stringify(event(0)));
    await reopened.close();
  });

  it('opens from its index checkpoint and still finds events written after it', async () => {
    const dir = await tempDir();
    const log = await open(dir, 1);
    await log.append([event(0), event(1)]);
    await log.checkpoint();
    await log.close();
    // Lines appended by a run that crashed before its next checkpoint.
    const tail = JSON.stringify({ e: { id: 'e9', contactId: 'c0', type: 'revoked' } });
    await fs.appendFile(dataFile(dir), `${tail}\n{"e":{"id":"torn`);
    const reopened = await open(dir);
    expect(reopened.openReport.fromCheckpoint).toBe(true);
    expect(reopened.openReport.journal.truncatedBytes).toBeGreaterThan(0);
    expect((await reopened.eventsFor('c0')).map((e) => e.id)).toEqual(['e0', 'e9']);
    await reopened.close();
  });

  it('ignores a damaged or stale checkpoint and rebuilds the index from the log', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    await log.append([event(0), event(1), event(2), event(3)]);
    await log.close();
    const index = `${dataFile(dir)}.idx`;
    const bytes = await fs.readFile(index);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff;
    await fs.writeFile(index, bytes);
    const damaged = await open(dir);
    expect(damaged.openReport.fromCheckpoint).toBe(false);
    expect((await damaged.eventsFor('c0')).map((e) => e.id)).toEqual(['e0', 'e3']);
    await damaged.close();
    // The log lost its last line (restored from elsewhere): the checkpoint no longer matches it.
    const lines = (await fs.readFile(dataFile(dir), 'utf8')).split('\n');
    await fs.writeFile(dataFile(dir), `${lines.slice(0, -2).join('\n')}\n`);
    const stale = await open(dir);
    expect(stale.openReport.fromCheckpoint).toBe(false);
    expect((await stale.eventsFor('c0')).map((e) => e.id)).toEqual(['e0']);
    await stale.close();
  });

  it('streams every event in log order', async () => {
    const log = await open(await tempDir());
    await log.append([event(0), event(1)]);
    await log.append([event(2)]);
    const seen: ConsentEvent[] = [];
    for await (const e of log.scan()) seen.push(e);
    expect(seen).toEqual([event(0), event(1), event(2)]);
    await log.close();
  });

  it('rejects an event without a key before writing anything', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    await expect(log.append([event(0), { id: 'bad' } as ConsentEvent])).rejects.toMatchObject({ code: 'invalid_record' });
    expect(log.size).toBe(0);
    await log.close();
    expect(await fs.readFile(dataFile(dir), 'utf8')).toBe('');
  });
});
