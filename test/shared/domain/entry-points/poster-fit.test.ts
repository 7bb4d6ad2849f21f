import { describe, expect, it } from 'vitest';
import { renderPosterHtml, PosterQrTooDenseError } from '../../../../shared/domain/entry-points/poster';
import { PosterFitError, faceLayout, fitPosterText, type PosterTexts } from '../../../../shared/domain/entry-points/poster-fit';
import { maxQrModules } from '../../../../shared/domain/entry-points/poster-layout';
import { qrSvg } from '../../../../shared/domain/entry-points/qr';
import { POSTER_SIZES } from '../../../../shared/domain/entry-points/types';

const SHORT: PosterTexts = { headline: 'Chat with us on WhatsApp', instructions: 'Scan the code, then press send.', businessName: 'Café Sol', phoneDisplay: '+34 612 34 56 78' };
const LONG: PosterTexts = {
  headline: 'Chat with Café Müller on WhatsApp for orders, bookings and opening times today!!',
  instructions: 'Scan the code with your phone camera, then press send and we will answer you within the hour. '.repeat(3).slice(0, 263),
  businessName: 'Café Sol',
  phoneDisplay: '+34 612 34 56 78',
};

describe('fitPosterText', () => {
  it('prints short text at (or, on a sticker, near) the designed size on every format', () => {
    for (const size of POSTER_SIZES) expect(fitPosterText(size, SHORT).scale, size).toBeGreaterThanOrEqual(size === 'sticker-sheet' ? 0.9 : 1);
  });

  it('never shrinks body text below 3.5 mm on posters and tents (2.5 mm on stickers), then refuses', () => {
    const huge = { ...SHORT, instructions: 'line\n'.repeat(60) };
    for (const size of POSTER_SIZES) {
      const layout = faceLayout(size);
      const fonts = [layout.instructions, layout.business, layout.phone].flatMap((b) => (b ? [b.fontMm] : []));
      const fit = fitPosterText(size, size === 'sticker-sheet' ? { ...huge, headline: 'word '.repeat(16) } : huge);
      expect(fit.ok, size).toBe(false);
      expect(fit.scale * Math.min(...fonts), size).toBeGreaterThanOrEqual(size === 'sticker-sheet' ? 2.5 : 3.5);
    }
  });

  it('shrinks the longest text the editor accepts (80 + 263 characters) on the large formats instead of cutting it', () => {
    for (const size of ['A4', 'Letter', 'A5', 'table-tent'] as const) {
      const fit = fitPosterText(size, LONG);
      expect(fit.ok, size).toBe(true);
      expect(fit.scale, size).toBeLessThan(1);
    }
  });

  it('refuses an 80-character headline on stickers, saying how many characters fit', () => {
    const fit = fitPosterText('sticker-sheet', LONG);
    expect(fit.ok).toBe(false);
    if (fit.ok) return;
    const [problem] = fit.problems;
    expect(problem).toMatchObject({ field: 'headline', length: 80 });
    expect(problem!.max).toBeGreaterThan(10);
    expect(fitPosterText('sticker-sheet', { ...LONG, headline: [...LONG.headline].slice(0, problem!.max).join('') }).ok).toBe(true);
    expect(fitPosterText('sticker-sheet', { ...LONG, headline: [...LONG.headline].slice(0, problem!.max + 1).join('') }).ok).toBe(false);
  });

  it('counts wide scripts and the owner’s line breaks', () => {
    const latin = fitPosterText('A5', { ...SHORT, instructions: 'scan '.repeat(40) });
    const chinese = fitPosterText('A5', { ...SHORT, instructions: '扫描二维码发'.repeat(33) });
    expect(chinese.scale).toBeLessThan(latin.scale);
    expect(fitPosterText('A5', { ...SHORT, instructions: 'a\n'.repeat(150) }).ok).toBe(false);
  });

  it('a longer text never gets a larger scale', () => {
    let last = 1;
    for (let n = 0; n <= 300; n += 20) {
      const fit = fitPosterText('A4', { ...SHORT, instructions: 'word '.repeat(n / 5) });
      expect(fit.scale).toBeLessThanOrEqual(last);
      last = fit.scale;
    }
  });
});

describe('renderPosterHtml refuses what would not print right', () => {
  const base = { ...LONG, size: 'sticker-sheet' as const, qrSvg: qrSvg('https://wa.me/34612345678') };

  it('text that does not fit: a PosterFitError naming the field and its limit', () => {
    expect(() => renderPosterHtml(base)).toThrow(PosterFitError);
    expect(() => renderPosterHtml(base)).toThrow(/keep the headline to \d+ characters \(it has 80\)/);
  });

  it('a QR too dense to scan at the printed size: a PosterQrTooDenseError', () => {
    const link = `https://wa.me/34612345678?text=${encodeURIComponent('नमस्ते '.repeat(40))}`;
    const svg = qrSvg(link, { errorCorrection: 'M' });
    expect(Number(/viewBox="0 0 (\d+)/.exec(svg)![1])).toBeGreaterThan(maxQrModules('sticker-sheet'));
    expect(() => renderPosterHtml({ ...base, ...SHORT, qrSvg: svg })).toThrow(PosterQrTooDenseError);
    // The same code on A4 prints large enough.
    expect(() => renderPosterHtml({ ...base, ...SHORT, size: 'A4', qrSvg: svg })).not.toThrow();
  });

  it('the text scale is written for the page', () => {
    expect(renderPosterHtml({ ...base, ...LONG, size: 'A4' })).toMatch(/\.od-p0\{[^}]*--s:0\.\d+\}/);
  });
});

describe('sticker sheets name their till and ref', () => {
  it('every sticker carries "ref <code> · <placement>"', () => {
    const html = renderPosterHtml({ ...SHORT, size: 'sticker-sheet', qrSvg: qrSvg('https://wa.me/34612345678'), refCode: 'B8L3', placement: 'Till A' });
    expect(html.match(/<p class="od-sticker-ref">ref B8L3 · Till A<\/p>/g)).toHaveLength(12);
  });
});
