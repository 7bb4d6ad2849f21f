import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactIndex, normalizeSearchText } from '../../../../main/services/store/contact-index';

function sample(): ContactIndex {
  const index = new ContactIndex();
  index.set({ id: '1', name: 'José Álvarez', phone: '+34 612 345 678', extra: 'jose@example.com vip' });
  index.set({ id: '2', name: 'Ana Josefina Ruiz', phone: '+34612000111' });
  index.set({ id: '3', name: "Seán O'Brien", phone: '+353 85 123 4567' });
  index.set({ id: '4', name: 'Jose', phone: '+1 415 555 0100' });
  index.set({ id: '5', name: 'Marijose Pérez', phone: '+52 55 1234 5678' });
  index.set({ id: '6', name: 'प्रिया शर्मा', phone: '+91 98765 43210' });
  return index;
}

describe('normalizeSearchText', () => {
  it('drops case, accents and apostrophes and collapses punctuation', () => {
    expect(normalizeSearchText("  JOSÉ  O'Brien-Pérez ")).toBe('jose obrien perez');
    expect(normalizeSearchText('Ünïcödé')).toBe('unicode');
  });
});

describe('ContactIndex', () => {
  it('finds names case- and accent-insensitively, best matches first', () => {
    const index = sample();
    expect(index.search('jose')).toEqual(['4', '1', '2', '5']);
    expect(index.search('ALVAREZ')).toEqual(['1']);
    expect(index.search('obrien')).toEqual(['3']);
    expect(index.search("o'brien")).toEqual(['3']);
    expect(index.search('प्रिया')).toEqual(['6']);
  });

  it('matches all words in any order, then other fields', () => {
    const index = sample();
    expect(index.search('ruiz ana')).toEqual(['2']);
    expect(index.search('vip')).toEqual(['1']);
    expect(index.search('alvarez 612')).toEqual(['1']);
  });

  it('finds phones typed in any format, national or international', () => {
    const index = sample();
    expect(index.search('612 345 678')).toEqual(['1']);
    expect(index.search('+34 612-345-678')).toEqual(['1']);
    expect(index.search('(415) 555-0100')).toEqual(['4']);
    expect(index.search('085 123 4567')).toEqual(['3']);
    // Same kind of match (substring of the digits): ordered by name.
    expect(index.search('612')).toEqual(['2', '1']);
  });

  it('honours the limit, updates and removals', () => {
    const index = sample();
    expect(index.search('', 3)).toEqual(['2', '4', '1']);
    expect(index.search('jose', 2)).toEqual(['4', '1']);
    index.set({ id: '4', name: 'Zoe', phone: '+1 415 555 0100' });
    expect(index.search('jose')).toEqual(['1', '2', '5']);
    index.remove('1');
    index.remove('missing');
    expect(index.search('jose')).toEqual(['2', '5']);
    expect(index.search('612 345 678')).toEqual([]);
    index.set({ id: '7', name: 'José Nuevo' });
    expect(index.search('jose')).toEqual(['7', '2', '5']);
    expect(index.size).toBe(6);
  });

  it('always finds a contact by any part of its name, and only matching contacts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-zÀ-ÿ ]{1,12}$/), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (names, pick, cut) => {
          const index = new ContactIndex();
          names.forEach((name, n) => index.set({ id: `${n}`, name }));
          const target = pick % names.length;
          const normal = normalizeSearchText(names[target]!);
          if (normal === '') return;
          const start = cut % normal.length;
          const query = normal.slice(start, start + 4).trim();
          if (query === '' || query.includes(' ')) return;
          const found = index.search(query, 1_000);
          expect(found).toContain(`${target}`);
          for (const id of found) expect(normalizeSearchText(names[Number(id)]!)).toContain(query);
        },
      ),
      { numRuns: 200 },
    );
  });
});
