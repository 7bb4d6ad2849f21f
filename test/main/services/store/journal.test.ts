import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../../main/services/store/errors';
import { Journal } from '../../../../main/services/store/journal';
import { tempDir } from './temp-dir';

async function replay(file: string): Promise<{ records: object[]; journal: Journal }> {
  const records: object[] = [];
  const journal = await Journal.open(file, { onRecord: (record) => records.push(record) });
  return { records, journal };
}

describe('Journal', () => {
  it('persists appended records in order and tracks its size', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    const first = await journal.append([{ n: 1 }, { n: 2 }]);
    await journal.append([{ n: 3, text: 'línea\nnueva' }]);
    expect(first).toEqual([
      { offset: 0, length: 8 },
      { offset: 8, length: 8 },
    ]);
    expect(journal.size).toBe((await fs.stat(file)).size);
    await journal.close();
    const { records, journal: reopened } = await replay(file);
    expect(records).toEqual([{ n: 1 }, { n: 2 }, { n: 3, text: 'línea\nnueva' }]);
    expect(reopened.report).toMatchObject({ records: 3, truncatedBytes: 0, skippedLines: 0 });
    await reopened.close();
  });

  it('group-commits concurrent appends into fewer fsyncs, resolving each only once on disk', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    const probe = await fs.open(file, 'r');
    const prototype = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const syncs = vi.spyOn(prototype, 'datasync');
    const acked: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        journal.append([{ n }]).then(async () => {
          acked.push(n);
          const onDisk = (await fs.readFile(file, 'utf8')).split('\n');
          expect(onDisk).toContain(JSON.stringify({ n }));
        }),
      ),
    );
    expect(acked).toHaveLength(50);
    expect(syncs.mock.calls.length).toBeGreaterThan(0);
    expect(syncs.mock.calls.length).toBeLessThan(50);
    syncs.mockRestore();
    await journal.close();
    const { records, journal: reopened } = await replay(file);
    expect(records).toEqual(Array.from({ length: 50 }, (_, n) => ({ n })));
    await reopened.close();
  });

  it('cuts a torn last line on open and keeps appending after it', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    await fs.writeFile(file, '{"n":1}\n{"n":2}\n{"n":3,"te');
    const { records, journal } = await replay(file);
    expect(records).toEqual([{ n: 1 }, { n: 2 }]);
    expect(journal.report).toMatchObject({ truncatedBytes: 10, damagedTailPath: undefined });
    await journal.append([{ n: 4 }]);
    await journal.close();
    expect(await fs.readFile(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
  });

  it('cuts trailing garbage with whole lines in it, keeping a copy of what was cut', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'j.jsonl');
    await fs.writeFile(file, '{"n":1}\nnot json\n\u0000\u0000\n42\n');
    const records: object[] = [];
    const journal = await Journal.open(file, { onRecord: (record) => records.push(record), now: () => 7 });
    expect(records).toEqual([{ n: 1 }]);
    expect(journal.report.damagedTailPath).toBe(`${file}.damaged-7`);
    expect(await fs.readFile(`${file}.damaged-7`, 'utf8')).toBe('not json\n\u0000\u0000\n42\n');
    expect(journal.size).toBe(8);
    await journal.close();
  });

  it('skips an unreadable line in the middle without losing the lines after it', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    await fs.writeFile(file, '{"n":1}\n{"n":\n{"n":3}\n');
    const { records, journal } = await replay(file);
    expect(records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(journal.report).toMatchObject({ skippedLines: 1, truncatedBytes: 0 });
    await journal.close();
  });

  it('replays from an offset and streams entries with their positions', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    const [, second] = await journal.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const streamed = [];
    for await (const entry of journal.entries(second!.offset)) streamed.push(entry);
    expect(streamed.map((entry) => entry.record)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(streamed[0]!.position).toEqual(second);
    await journal.close();
    const records: object[] = [];
    const again = await Journal.open(file, { fromOffset: second!.offset, onRecord: (record) => records.push(record) });
    expect(records).toEqual([{ n: 2 }, { n: 3 }]);
    await again.close();
  });

  it('refuses a second instance on the same file and appends after close', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    await expect(Journal.open(file)).rejects.toMatchObject({ code: 'already_open' });
    await journal.close();
    await expect(journal.append([{ n: 1 }])).rejects.toBeInstanceOf(StoreError);
    const again = await Journal.open(file);
    await again.close();
  });

  it('rejects every later append once a write has failed', async () => {
    const file = path.join(await tempDir(), 'j.jsonl');
    const journal = await Journal.open(file);
    await journal.append([{ n: 1 }]);
    const probe = await fs.open(file, 'r');
    const prototype = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const syncs = vi.spyOn(prototype, 'datasync').mockRejectedValueOnce(new Error('EIO'));
    await expect(journal.append([{ n: 2 }])).rejects.toMatchObject({ code: 'write_failed' });
    syncs.mockRestore();
    expect(journal.failed).toBe(true);
    await expect(journal.append([{ n: 3 }])).rejects.toMatchObject({ code: 'write_failed' });
    await journal.close();
  });
});
