import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contrastRatio, parseHexColour, readableTextColour } from '../../../../shared/domain/entry-points/colour';

describe('colour', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#777777')).toBeCloseTo(1, 5);
    expect(contrastRatio('#075E54', '#ffffff')).toBeGreaterThan(7);
    expect(parseHexColour('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
    expect(parseHexColour('green')).toBeUndefined();
    expect(() => contrastRatio('green', '#fff')).toThrow(/hex/);
  });

  it('always picks a text colour that passes AA (4.5:1) on any background (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const bg = `#${n.toString(16).padStart(6, '0')}`;
        expect(contrastRatio(bg, readableTextColour(bg))).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 500 },
    );
    expect(readableTextColour('#25D366')).toBe('#000000');
    expect(readableTextColour('#075E54')).toBe('#ffffff');
  });
});
