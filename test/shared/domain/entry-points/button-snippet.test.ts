import { describe, expect, it } from 'vitest';
import { buttonSnippet } from '../../../../shared/domain/entry-points/button-snippet';
import { contrastRatio } from '../../../../shared/domain/entry-points/colour';

const url = 'https://wa.me/34612345678?text=Hola%20(ref%20A7K2)';
const base = { url, label: 'Chat with us on WhatsApp', colour: '#075E54', size: 'medium' as const, position: 'bottom-right' as const, refCode: 'A7K2' };

describe('buttonSnippet', () => {
  it('is HTML and CSS only, links to the exact wa.me URL and loads nothing', () => {
    const html = buttonSnippet(base);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`href="${url}"`);
    expect(html.match(/https?:\/\/[^"'\s)]+/g)!.filter((u) => !u.startsWith('https://wa.me/') && u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('scopes every class with od-', () => {
    const classes = [...buttonSnippet(base).matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
    const css = /<style>(.*)<\/style>/s.exec(buttonSnippet(base))![1]!;
    const selectors = [...css.matchAll(/\.([a-z][\w-]*)/g)].map((m) => m[1]!);
    expect(selectors.length).toBeGreaterThan(5);
    for (const name of [...classes, ...selectors]) expect(name.startsWith('od-'), name).toBe(true);
  });

  it('picks a text colour with AA contrast on the chosen colour', () => {
    for (const colour of ['#25D366', '#075E54', '#ffeb3b', '#000080']) {
      const html = buttonSnippet({ ...base, colour });
      const [, bg, fg] = /\{background:(#[0-9a-f]{6})!important;color:(#[0-9a-f]{6})!important;\}/.exec(html)!;
      expect(bg).toBe(colour.toLowerCase());
      expect(contrastRatio(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('escapes the label and refuses a link that is not wa.me', () => {
    const html = buttonSnippet({ ...base, label: '<img src=x onerror=alert(1)> & "quotes"' });
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(html).not.toContain('<img');
    expect(() => buttonSnippet({ ...base, url: 'javascript:alert(1)' })).toThrow(/wa\.me/);
    expect(() => buttonSnippet({ ...base, url: 'https://wa.me/34612345678?text=a"onclick=x' })).toThrow(/wa\.me/);
  });

  it('offers size and position options', () => {
    expect(buttonSnippet({ ...base, size: 'large', position: 'inline' })).toMatch(/class="od-wa-btn od-wa-large od-wa-c075e54"/);
    expect(buttonSnippet({ ...base, size: 'small', position: 'bottom-left' })).toMatch(/od-wa-small od-wa-c075e54 od-wa-fixed od-wa-bottom-left"/);
  });
});
