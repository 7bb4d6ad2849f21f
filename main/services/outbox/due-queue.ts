/** A min-heap of item ids by due time, so picking the next send stays cheap with 100,000 items queued. */

interface Entry {
  id: string;
  due: number;
  seq: number;
}

/**
 * Entries are never removed from the middle: the outbox checks each popped id against the stored item and drops
 * stale ones (lazy deletion). Ties keep insertion order.
 */
export class DueQueue {
  private heap: Entry[] = [];
  private seq = 0;

  /** Number of entries, stale ones included. */
  get size(): number {
    return this.heap.length;
  }

  /** Adds an id due at `due`. */
  push(id: string, due: number): void {
    this.heap.push({ id, due, seq: this.seq++ });
    this.up(this.heap.length - 1);
  }

  /** The earliest entry without removing it. */
  peek(): { id: string; due: number } | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest entry. */
  pop(): { id: string; due: number } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Drops every entry. */
  clear(): void {
    this.heap = [];
  }

  private less(a: Entry, b: Entry): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
