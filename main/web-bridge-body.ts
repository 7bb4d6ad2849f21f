/** Request bodies of the web bridge: how many are read at once, how many bytes they may hold, and reading one. */
import type http from 'node:http';

/** Counts of request bodies in memory (bytes actually buffered, not process memory). */
export interface BodyStats {
  inFlight: number;
  /** Bytes set aside for the bodies being read (their Content-Length, else their channel's limit). */
  reservedBytes: number;
  bufferedBytes: number;
  peakBufferedBytes: number;
}

/** One body being read: its share of the budget, and the bytes it holds. */
export interface BodySlot {
  hold(bytes: number): void;
  release(): void;
}

/**
 * Bounds what request bodies can cost: at most `maxBodies` read at once, and together at most `maxBytes` declared.
 * Each slot counts the bytes it actually buffers, so a test can check memory without measuring the process.
 */
export class BodyBudget {
  private inFlight = 0;
  private reserved = 0;
  private buffered = 0;
  private peak = 0;

  constructor(
    private readonly maxBodies: number,
    private readonly maxBytes: number,
  ) {}

  /** A slot for a body of at most `bytes`, or undefined when the bridge is busy. */
  acquire(bytes: number): BodySlot | undefined {
    if (this.inFlight >= this.maxBodies || this.reserved + bytes > this.maxBytes) return undefined;
    this.inFlight += 1;
    this.reserved += bytes;
    let held = 0;
    let released = false;
    return {
      hold: (n) => {
        held += n;
        this.buffered += n;
        this.peak = Math.max(this.peak, this.buffered);
      },
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.reserved -= bytes;
        this.buffered -= held;
      },
    };
  }

  stats(): BodyStats {
    return { inFlight: this.inFlight, reservedBytes: this.reserved, bufferedBytes: this.buffered, peakBufferedBytes: this.peak };
  }
}

/**
 * Reads a body of at most `limit` bytes. Past the limit it stops keeping data at once ('too_large'); a client that
 * goes away mid-body gives 'aborted'. Nothing beyond `limit` is ever held.
 */
export function readBody(req: http.IncomingMessage, limit: number, slot: BodySlot): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (outcome: Buffer | 'too_large' | 'aborted') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        done('too_large');
        return;
      }
      chunks.push(chunk);
      slot.hold(chunk.length);
    };
    const onEnd = () => done(Buffer.concat(chunks));
    const onClose = () => done('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}
