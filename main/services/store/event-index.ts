import { createHash } from 'node:crypto';

const MAGIC = Buffer.from('ODIDX001');
const HASH_BYTES = 32;

/**
 * Where every event of an event log sits on disk, grouped by key, in compact typed arrays (300k events ≈ 5 MB),
 * plus the interned texts. Saved as a binary checkpoint so opening does not re-read the whole log.
 */
export class EventIndex {
  count = 0;
  readonly texts = new Map<string, string>();
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private readonly byKey: number[][] = [];
  private keyOf = new Uint32Array(1024);
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);

  /** Records one event line; returns its event number. */
  add(key: string, offset: number, length: number): number {
    let keyId = this.keyIds.get(key);
    if (keyId === undefined) {
      keyId = this.keyNames.length;
      this.keyIds.set(key, keyId);
      this.keyNames.push(key);
      this.byKey.push([]);
    }
    if (this.count === this.offsets.length) this.grow(this.count * 2);
    const n = this.count++;
    this.keyOf[n] = keyId;
    this.offsets[n] = offset;
    this.lengths[n] = length;
    this.byKey[keyId]!.push(n);
    return n;
  }

  /** Event numbers of a key, oldest first. */
  eventsOf(key: string): readonly number[] {
    const keyId = this.keyIds.get(key);
    return keyId === undefined ? [] : this.byKey[keyId]!;
  }

  /** Every key that has events. */
  keys(): readonly string[] {
    return this.keyNames;
  }

  /** Position of one event line. */
  position(n: number): { offset: number; length: number } {
    return { offset: this.offsets[n]!, length: this.lengths[n]! };
  }

  /** Key of one event. */
  keyAt(n: number): string {
    return this.keyNames[this.keyOf[n]!]!;
  }

  /** Byte just after the line of event `n - 1` (0 for none): where replay resumes for a checkpoint of n events. */
  endOf(n: number): number {
    return n === 0 ? 0 : this.offsets[n - 1]! + this.lengths[n - 1]!;
  }

  /** Serialises the first `n` events (the durable ones) and all texts, with a SHA-256 trailer. */
  encode(n: number): Buffer {
    // Key ids are handed out in event order, so the first n events use exactly the first `usedKeys` keys.
    let usedKeys = 0;
    for (let i = 0; i < n; i++) usedKeys = Math.max(usedKeys, this.keyOf[i]! + 1);
    const header = Buffer.from(JSON.stringify({ count: n, keyCount: usedKeys, dataLength: this.endOf(n) }));
    const keys = Buffer.from(JSON.stringify(this.keyNames.slice(0, usedKeys)));
    const texts = Buffer.from(JSON.stringify(Object.fromEntries(this.texts)));
    const parts = [MAGIC, ...[header, keys, texts].flatMap((part) => [u32(part.length), part])];
    parts.push(bytesOf(this.keyOf.subarray(0, n)), bytesOf(this.lengths.subarray(0, n)), bytesOf(this.offsets.subarray(0, n)));
    const body = Buffer.concat(parts);
    return Buffer.concat([body, createHash('sha256').update(body).digest()]);
  }

  /** Rebuilds an index from a checkpoint; `undefined` when it is damaged or from another format. */
  static decode(buffer: Buffer): { index: EventIndex; dataLength: number } | undefined {
    if (buffer.length < MAGIC.length + HASH_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const body = buffer.subarray(0, buffer.length - HASH_BYTES);
    if (!createHash('sha256').update(body).digest().equals(buffer.subarray(body.length))) return undefined;
    try {
      let at = MAGIC.length;
      const next = (): Buffer => {
        const length = body.readUInt32LE(at);
        const part = body.subarray(at + 4, at + 4 + length);
        at += 4 + length;
        return part;
      };
      const header = JSON.parse(next().toString()) as { count: number; keyCount: number; dataLength: number };
      const keys = JSON.parse(next().toString()) as string[];
      const texts = JSON.parse(next().toString()) as Record<string, string>;
      const n = header.count;
      if (body.length !== at + n * 16 || keys.length !== header.keyCount) return undefined;
      const keyOf = new Uint32Array(body.buffer.slice(body.byteOffset + at, body.byteOffset + at + n * 4));
      const lengths = new Uint32Array(body.buffer.slice(body.byteOffset + at + n * 4, body.byteOffset + at + n * 8));
      const offsets = new Float64Array(body.buffer.slice(body.byteOffset + at + n * 8, body.byteOffset + at + n * 16));
      const index = new EventIndex();
      index.grow(Math.max(1024, n * 2));
      for (const key of keys) {
        index.keyIds.set(key, index.keyNames.length);
        index.keyNames.push(key);
        index.byKey.push([]);
      }
      index.keyOf.set(keyOf);
      index.lengths.set(lengths);
      index.offsets.set(offsets);
      for (let i = 0; i < n; i++) {
        const list = index.byKey[keyOf[i]!];
        if (!list) return undefined;
        list.push(i);
      }
      index.count = n;
      for (const [hash, text] of Object.entries(texts)) index.texts.set(hash, text);
      return { index, dataLength: header.dataLength };
    } catch {
      return undefined;
    }
  }

  private grow(capacity: number): void {
    const keyOf = new Uint32Array(capacity);
    const offsets = new Float64Array(capacity);
    const lengths = new Uint32Array(capacity);
    keyOf.set(this.keyOf.subarray(0, this.count));
    offsets.set(this.offsets.subarray(0, this.count));
    lengths.set(this.lengths.subarray(0, this.count));
    this.keyOf = keyOf;
    this.offsets = offsets;
    this.lengths = lengths;
  }
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function bytesOf(view: Uint32Array | Float64Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
