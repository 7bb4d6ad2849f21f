import type fs from 'node:fs/promises';

/** One line of a JSON-lines file: its bytes without the newline, where it starts, and whether a newline ended it. */
export interface RawLine {
  bytes: Buffer;
  offset: number;
  /** Bytes on disk including the newline. */
  length: number;
  complete: boolean;
}

const NEWLINE = 0x0a;

/**
 * Streams the lines of [from, to) in batches of about one chunk, so a 100+ MB file is never held as one string.
 * A last segment without a newline is reported with `complete: false` (a torn write).
 */
export async function* readLineBatches(
  handle: fs.FileHandle,
  from: number,
  to: number,
  chunkSize = 1 << 20,
): AsyncGenerator<RawLine[]> {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = from;
  let position = from;
  while (position < to) {
    const want = Math.min(chunkSize, to - position);
    const chunk = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(chunk, 0, want, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    const batch: RawLine[] = [];
    let start = 0;
    for (let nl = data.indexOf(NEWLINE, start); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      batch.push({ bytes: data.subarray(start, nl), offset: carryOffset + start, length: nl - start + 1, complete: true });
      start = nl + 1;
    }
    carryOffset += start;
    // Copy the remainder so the big chunk buffer can be freed.
    carry = Buffer.from(data.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (carry.length > 0) yield [{ bytes: carry, offset: carryOffset, length: carry.length, complete: false }];
}

/** Parses one line as a JSON object (or array); anything else, or invalid JSON, is `undefined`. */
export function parseObjectLine(bytes: Buffer): object | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
