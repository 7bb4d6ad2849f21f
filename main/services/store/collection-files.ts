import fs from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from './errors';
import { writeFileAtomic } from './fs-atomic';

/** A stored record: anything JSON with a string id. */
export type StoredRecord = { id: string };

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const SNAPSHOT_FORMAT = 'outreach-desk/collection-snapshot';
const CHUNK = 500;

/** Throws unless the collection or log name is safe to use in a file name. */
export function assertStoreName(name: string): void {
  if (!NAME.test(name)) throw new StoreError('invalid_record', `"${name}" is not a valid store name (letters, digits, - and _).`);
}

/** The snapshot file of a collection. */
export function snapshotPath(dir: string, name: string): string {
  return path.join(dir, `${name}.snapshot.jsonl`);
}

/** The journal file of one generation of a collection. */
export function journalPath(dir: string, name: string, gen: number): string {
  return path.join(dir, `${name}.journal.${gen}.jsonl`);
}

/** Generations of the journals of a collection present in the folder, ascending. */
export async function listJournalGens(dir: string, name: string): Promise<number[]> {
  const pattern = new RegExp(`^${name}\\.journal\\.(\\d+)\\.jsonl$`);
  const gens: number[] = [];
  for (const entry of await fs.readdir(dir)) {
    const match = pattern.exec(entry);
    if (match) gens.push(Number(match[1]));
  }
  return gens.sort((a, b) => a - b);
}

/** Writes a snapshot atomically, in chunks so the event loop keeps serving appends while it runs. */
export async function writeSnapshot(file: string, name: string, records: readonly StoredRecord[], nextGen: number): Promise<void> {
  await writeFileAtomic(file, async (write) => {
    await write(`${JSON.stringify({ format: SNAPSHOT_FORMAT, version: 1, name, nextGen })}\n`);
    for (let start = 0; start < records.length; start += CHUNK) {
      const lines = records.slice(start, start + CHUNK).map((record) => JSON.stringify(record));
      await write(`${lines.join('\n')}\n`);
    }
    await write(`${JSON.stringify({ end: true, count: records.length })}\n`);
  });
}

/** Reads and fully validates a snapshot; a damaged one is a `corrupt` error, never a partial load. */
export async function readSnapshot(file: string, name: string): Promise<{ records: StoredRecord[]; nextGen: number }> {
  const text = await fs.readFile(file, 'utf8');
  const lines = text.split('\n');
  const damaged = (why: string) =>
    new StoreError('corrupt', `The ${name} snapshot (${file}) is damaged: ${why}. Restore a backup.`);
  if (lines.pop() !== '') throw damaged('it does not end with a newline');
  const header = parse(lines[0]);
  const footer = parse(lines[lines.length - 1]);
  if (header?.format !== SNAPSHOT_FORMAT || typeof header.nextGen !== 'number') throw damaged('bad header');
  if (header.version !== 1) throw damaged(`unknown version ${String(header.version)}`);
  if (lines.length < 2 || footer?.end !== true || footer.count !== lines.length - 2) throw damaged('bad footer or count');
  const records: StoredRecord[] = new Array(lines.length - 2);
  for (let i = 1; i < lines.length - 1; i++) {
    const record = parse(lines[i]);
    if (typeof record?.id !== 'string') throw damaged(`line ${i + 1} is not a record`);
    records[i - 1] = record as StoredRecord;
  }
  return { records, nextGen: header.nextGen };
}

function parse(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
