import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildVCard, buildVCard4, escapeVCardText, foldVCardLine, vCard4FileName, vCardFileName } from '../../../../shared/domain/entry-points/vcard';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Reverses folding and escaping as a vCard reader would. */
function unfold(card: string): string[] {
  return card.replace(/\r\n /g, '').split('\r\n');
}
function unescape(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('buildVCard', () => {
  it('writes a vCard 3.0 with CRLF line ends and the phone with its types', () => {
    const card = buildVCard({ name: 'Café Sol', phoneE164: '+34612345678', url: 'https://cafesol.example', email: 'hola@cafesol.example' });
    expect(card).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Café Sol',
        'N:Café Sol;;;;',
        'ORG:Café Sol',
        'TEL;TYPE=WORK,CELL,VOICE:+34612345678',
        'EMAIL;TYPE=INTERNET:hola@cafesol.example',
        'URL:https://cafesol.example',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes backslash, comma, semicolon and newlines per RFC 2426', () => {
    expect(escapeVCardText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
    const card = buildVCard({ name: 'Smith, Jones; Co\\', phoneE164: '+441632960000', note: 'Open\nMon–Sat' });
    expect(card).toContain('FN:Smith\\, Jones\\; Co\\\\\r\n');
    expect(card).toContain('NOTE:Open\\nMon–Sat\r\n');
  });

  it('folds long lines at 75 octets without splitting characters, and unfolds back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (name) => {
        const card = buildVCard({ name, phoneE164: '+34612345678' });
        for (const line of card.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        expect(card).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half surrogate pair at a fold
        const fn = unfold(card).find((l) => l.startsWith('FN:'))!;
        expect(unescape(fn.slice(3))).toBe(name.trim());
      }),
      { numRuns: 200 },
    );
  });

  it('folds with CRLF + space', () => {
    const folded = foldVCardLine(`NOTE:${'x'.repeat(100)}`);
    const [first, second] = folded.split('\r\n');
    expect(octets(first!)).toBe(75);
    expect(second!.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'x'.repeat(100)}`);
    expect(foldVCardLine('short')).toBe('short');
  });
});

describe('vCardFileName', () => {
  it('makes a safe file name', () => {
    expect(vCardFileName('Café Nord')).toBe('cafe-nord.vcf');
    expect(vCardFileName('../../etc/passwd')).toBe('etc-passwd.vcf');
    expect(vCardFileName('مقهى')).toBe('contact.vcf');
  });
});

describe('buildVCard4 (RFC 6350)', () => {
  it('writes a 4.0 business card: KIND:org, the number as a tel: URI with quoted types, CRLF ends', () => {
    const card = buildVCard4({ name: 'Café Sol', phoneE164: '+34 612 345 678', email: 'hola@cafesol.example' });
    expect(card).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:org',
        'FN:Café Sol',
        'ORG:Café Sol',
        'TEL;VALUE=uri;TYPE="work,cell,voice":tel:+34612345678',
        'EMAIL;TYPE=work:hola@cafesol.example',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('escapes and folds long non-Latin names at 75 octets without cutting a character', () => {
    const name = 'नमस्ते किराना स्टोर, मुंबई; '.repeat(4);
    const card = buildVCard4({ name, phoneE164: '+919812345678' });
    for (const line of card.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const fn = unfold(card).find((l) => l.startsWith('FN:'))!;
    expect(unescape(fn.slice(3))).toBe(name.trim());
  });

  it('names the 4.0 file beside the 3.0 one', () => {
    expect(vCard4FileName('Café Nord')).toBe('cafe-nord-vcard4.vcf');
  });
});
