import { describe, expect, it } from 'vitest';
import { popupSnippet, popupStorageKey } from '../../../../shared/domain/entry-points/popup-snippet';

const base = {
  url: 'https://wa.me/34612345678?text=Hola%20(ref%20A7K2)',
  refCode: 'A7K2',
  headline: 'Questions? Chat with us',
  message: 'We reply within minutes.',
  buttonLabel: 'Open WhatsApp',
  colour: '#25D366',
  delaySeconds: 5,
  scrollPercent: 50,
  exitIntent: true,
  frequencyCapDays: 7,
};

/** The JSON the snippet passes to its runtime: between the runtime's `})(` and `,document.currentScript)`. */
function config(html: string): Record<string, unknown> {
  const end = html.indexOf(',document.currentScript);</script>');
  const start = html.lastIndexOf('})({', end);
  return JSON.parse(html.slice(start + 3, end)) as Record<string, unknown>;
}

describe('popupSnippet', () => {
  it('embeds the triggers, cap and link as data for one IIFE script', () => {
    const html = popupSnippet(base);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(config(html)).toMatchObject({ url: base.url, delay: 5, scroll: 50, exit: true, capDays: 7, key: 'od-popup-A7K2', fg: '#000000' });
    expect(popupStorageKey('A7K2')).toBe('od-popup-A7K2');
    expect(html).toContain('"aria-modal","true"');
    expect(html).toContain('"role","dialog"');
  });

  it('clamps out-of-range numbers and makes no request', () => {
    const html = popupSnippet({ ...base, delaySeconds: -3, scrollPercent: 180, frequencyCapDays: -1 });
    expect(config(html)).toMatchObject({ delay: 0, scroll: 100, capDays: 0 });
    expect(html).not.toMatch(/fetch\(|XMLHttpRequest|import\(|\.src\s*=|sendBeacon/);
  });

  it('keeps hostile text inside the script data and refuses a non-wa.me link', () => {
    const html = popupSnippet({ ...base, headline: '</script><img src=x onerror=alert(1)>' });
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(config(html).headline).toBe('</script><img src=x onerror=alert(1)>');
    expect(() => popupSnippet({ ...base, url: 'https://evil.example/' })).toThrow(/wa\.me/);
  });
});
