import { describe, expect, it } from 'vitest';
import { chatSnippet } from '../../../../shared/domain/entry-points/chat-snippet';

const base = {
  digits: '34612345678',
  refCode: 'A7K2',
  shopName: 'Café Sol',
  greeting: 'Hi! How can we help?',
  openingHours: 'Mon–Sat 9–18',
  prefilledMessage: 'Hola',
  colour: '#075E54',
  position: 'bottom-right' as const,
};

describe('chatSnippet', () => {
  it('is one IIFE script plus a no-script link, loading nothing from elsewhere', () => {
    const html = chatSnippet(base);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('<script>(function(cfg,here){');
    const urls = html.match(/https?:\/\/[^"'\s)<]+/g) ?? [];
    expect(urls.filter((u) => !u.startsWith('https://wa.me/') && u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    expect(html).not.toMatch(/fetch\(|XMLHttpRequest|import\(|\.src\s*=|@import|url\(/);
    expect(html).toContain('<noscript><a href="https://wa.me/34612345678?text=(ref%20A7K2)"');
  });

  it('keeps hostile owner text from breaking out of the script', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const html = chatSnippet({ ...base, shopName: evil, greeting: evil, openingHours: '\u2028', labels: { open: evil } });
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html).not.toContain('<!--</');
    expect(html).toContain('\\u003c/script\\u003e');
    expect(html).toContain('&#60;/script&#62;'); // noscript label escaped
  });

  it('carries the ref suffix the runtime appends, and refuses a bad ref or number', () => {
    expect(chatSnippet(base)).toContain('"suffix":"(ref A7K2)"');
    expect(() => chatSnippet({ ...base, refCode: 'O0' })).toThrow(/ref code/);
    expect(() => chatSnippet({ ...base, digits: '+34 612' })).toThrow(/wa\.me/);
  });
});
