import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../../main/services/webhook/dedupe';

describe('SeenKeys', () => {
  it('remembers keys up to its capacity and forgets the oldest first', () => {
    const seen = new SeenKeys(3);
    for (const key of ['a', 'b', 'c', 'a', 'd']) seen.add(key);
    expect(seen.size).toBe(3);
    expect(seen.has('a')).toBe(false);
    expect(['b', 'c', 'd'].every((k) => seen.has(k))).toBe(true);
  });
});
