import { describe, expect, it } from 'vitest';
import { renderPosterBatchHtml, renderPosterHtml, type PosterInput } from '../../../../shared/domain/entry-points/poster';
import { qrSvg } from '../../../../shared/domain/entry-points/qr';

const item: PosterInput = {
  size: 'A4',
  headline: 'Chat with us <now>',
  instructions: 'Scan & send',
  qrSvg: qrSvg('https://wa.me/34612345678?text=(ref%20A7K2)'),
  businessName: 'Café "Sol"',
  phoneDisplay: '+34 612 34 56 78',
  refCode: 'A7K2',
  placement: 'Till 1',
};

describe('renderPosterHtml', () => {
  it('is a complete document sized for print with the QR inline and nothing external', () => {
    const html = renderPosterHtml(item);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page{size:210mm 297mm;margin:0}');
    expect(html).toContain('print-color-adjust:exact');
    expect(html).toContain(item.qrSvg.trim());
    expect(html).not.toMatch(/<link|<script|@import|url\(|src="http/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('escapes all owner text', () => {
    const html = renderPosterHtml(item);
    expect(html).toContain('Chat with us &#60;now&#62;');
    expect(html).toContain('Scan &#38; send');
    expect(html).toContain('Café &#34;Sol&#34;');
    expect(html).toContain('Till 1 · ref A7K2');
  });

  it.each([
    ['A5', '148mm 210mm'],
    ['Letter', '215.9mm 279.4mm'],
    ['table-tent', '297mm 210mm'],
    ['sticker-sheet', '210mm 297mm'],
  ] as const)('sizes the %s page', (size, css) => {
    expect(renderPosterHtml({ ...item, size })).toContain(`size:${css};margin:0`);
  });

  it('draws a table tent as two halves, the top one upside down', () => {
    const html = renderPosterHtml({ ...item, size: 'table-tent' });
    expect(html.match(/class="od-half/g)).toHaveLength(2);
    expect(html).toContain('class="od-half od-half-top"');
    expect(html).toContain('.od-half-top{transform:rotate(180deg)}');
  });

  it('fills a sticker sheet with 12 copies of the QR', () => {
    expect(renderPosterHtml({ ...item, size: 'sticker-sheet' }).match(/class="od-sticker"/g)).toHaveLength(12);
  });

  it('refuses markup that is not a QR SVG, and a linked logo', () => {
    expect(() => renderPosterHtml({ ...item, qrSvg: '<svg onload="alert(1)"></svg>' })).toThrow(/qrSvg/);
    expect(() => renderPosterHtml({ ...item, qrSvg: '<img src=x>' })).toThrow(/qrSvg/);
    expect(() => renderPosterHtml({ ...item, logoDataUrl: 'https://x/logo.png' })).toThrow(/data URL/);
  });

  it('falls back to default colours when given something that is not a hex colour', () => {
    const html = renderPosterHtml({ ...item, colours: { background: 'red;}body{display:none', accent: '#123456' } });
    expect(html).toContain('.od-p0{background:#ffffff;color:#1a1a1a;--s:1}.od-p0 .od-headline{color:#123456}');
  });

  it('keeps the headline readable when the accent is too pale for the background', () => {
    const html = renderPosterHtml({ ...item, colours: { background: '#ffffff', text: '#222222', accent: '#25D366' } });
    expect(html).toContain('.od-p0 .od-headline{color:#222222}');
  });
});

describe('renderPosterBatchHtml', () => {
  it('puts one page per item, each with its own QR and ref', () => {
    const items = ['A7K2', 'B8L3', 'C9M4'].map((ref) => ({ ...item, refCode: ref, qrSvg: qrSvg(`https://wa.me/34612345678?text=(ref%20${ref})`) }));
    const html = renderPosterBatchHtml(items);
    expect(html.match(/<section class="od-page/g)).toHaveLength(3);
    for (const it of items) {
      expect(html).toContain(`ref ${it.refCode}`);
      expect(html).toContain(it.qrSvg.trim());
    }
    expect(() => renderPosterBatchHtml([])).toThrow(/at least one/);
  });
});
