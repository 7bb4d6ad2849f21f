import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REF_ALPHABET,
  appendRef,
  findRefCode,
  generateRefCode,
  isValidRefCode,
  normalizeRefCode,
} from '../../../../shared/domain/entry-points/ref-code';
import { ENTRY_POINT_KINDS } from '../../../../shared/domain/entry-points/types';

/** A seeded random source, so failures reproduce. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const refArb = fc
  .array(fc.constantFrom(...REF_ALPHABET), { minLength: 4, maxLength: 6 })
  .map((chars) => chars.join(''))
  .filter(isValidRefCode);

describe('generateRefCode', () => {
  it('uses only the readable alphabet and always mixes letters and digits', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const code = generateRefCode([], seeded(seed));
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
        expect(code).not.toMatch(/[01OI]/);
        expect(isValidRefCode(code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never repeats an existing code, compared case-insensitively', () => {
    const random = seeded(7);
    const codes: string[] = [];
    for (let i = 0; i < 2000; i++) codes.push(generateRefCode(codes.map((c) => c.toLowerCase()), random));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('grows longer instead of looping forever when the random source keeps colliding', () => {
    const stuck = () => 0.5; // always the same character
    const first = generateRefCode([], seeded(1));
    expect(() => generateRefCode([first], stuck)).toThrow(/random/);
    // A source that cycles through few values exhausts 4 chars but finds a 5-char code.
    let i = 0;
    const cycling = () => [0, 0.99][i++ % 2]!;
    const code = generateRefCode(['2Z2Z', 'Z2Z2'], cycling);
    expect(code.length).toBeGreaterThan(4);
    expect(isValidRefCode(code)).toBe(true);
  });
});

describe('isValidRefCode / normalizeRefCode', () => {
  it('accepts owner-typed codes after normalising and refuses confusable or word-like ones', () => {
    expect(isValidRefCode(normalizeRefCode(' a7k2 '))).toBe(true);
    expect(isValidRefCode('TABLE5')).toBe(true);
    expect(isValidRefCode('SHOP')).toBe(false); // a word customers could type
    expect(isValidRefCode('2345')).toBe(false);
    expect(isValidRefCode('A0K2')).toBe(false);
    expect(isValidRefCode('AIK2')).toBe(false);
    expect(isValidRefCode('A7K')).toBe(false);
    expect(isValidRefCode('A7K2A7K2A')).toBe(false);
  });
});

describe('appendRef', () => {
  it('appends a readable "(ref X)" to the text', () => {
    expect(appendRef('Hi, is my order ready?', 'A7K2', 'link')).toBe('Hi, is my order ready? (ref A7K2)');
    expect(appendRef('Hola  \n', 'A7K2', 'qr')).toBe('Hola (ref A7K2)');
    expect(appendRef('', 'A7K2', 'button')).toBe('(ref A7K2)');
  });

  it('leaves direct entry points alone and does not tag twice', () => {
    expect(appendRef('Hello', 'A7K2', 'direct')).toBe('Hello');
    const once = appendRef('Hello', 'A7K2', 'popup');
    expect(appendRef(once, 'A7K2', 'popup')).toBe(once);
  });
});

describe('findRefCode', () => {
  const known = ['A7K2', 'TABLE5', 'Z9X4'];

  it('finds the ref in the message as sent and after typical edits', () => {
    const sent = appendRef('Hi, is my order ready?', 'A7K2', 'link');
    expect(findRefCode(sent, known)).toBe('A7K2');
    for (const edited of [
      'Hi! ref a7k2',
      'ref:A7K2 hello',
      'refA7K2',
      '*A7K2* when do you open?',
      '_(ref A7K2)_',
      'Hello (ref Ａ７Ｋ２)', // full-width, as some keyboards type
      'Hello (ref A7\u200BK2)', // zero-width space from copy-paste
      'مرحبا (ref A7K2) شكرا',
      'A7K2',
      'order for table5 please',
    ]) {
      expect(findRefCode(edited, known), edited).toBeDefined();
    }
    expect(findRefCode('order for table5 please', known)).toBe('TABLE5');
  });

  it('returns the code as stored, and prefers the one marked with "ref"', () => {
    expect(findRefCode('see z9x4 … (ref a7k2)', known)).toBe('A7K2');
    expect(findRefCode('z9x4 and a7k2', known)).toBe('Z9X4');
    expect(findRefCode('x (ref A7K2)', ['a7k2'])).toBe('a7k2');
  });

  it('does not match a code inside a longer word or number', () => {
    expect(findRefCode('XA7K2 or A7K23 or A7K2B', known)).toBeUndefined();
    expect(findRefCode('anything', [])).toBeUndefined();
  });

  it('finds any appended ref in any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), refArb, fc.constantFrom(...ENTRY_POINT_KINDS.filter((k) => k !== 'direct')), (text, ref, kind) => {
        expect(findRefCode(appendRef(text, ref, kind), ['Q7Q7', ref])).toBe(ref);
      }),
      { numRuns: 300 },
    );
  });

  it('never reports a ref for text that does not contain one (property)', () => {
    const norm = (s: string) => s.normalize('NFKC').toUpperCase();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'ref AKZ279 ()*_:'), maxLength: 40 })),
        fc.uniqueArray(refArb, { minLength: 1, maxLength: 20 }),
        (text, codes) => {
          fc.pre(codes.every((c) => !norm(text).includes(c)));
          expect(findRefCode(text, codes)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
