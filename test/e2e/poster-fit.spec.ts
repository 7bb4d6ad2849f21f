import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { renderPosterBatchHtml, type PosterInput } from '../../shared/domain/entry-points/poster';
import { fitPosterText, type PosterTexts } from '../../shared/domain/entry-points/poster-fit';
import { PRINT_SAFE_MM } from '../../shared/domain/entry-points/poster-layout';
import { qrSvg } from '../../shared/domain/entry-points/qr';
import { appendRef } from '../../shared/domain/entry-points/ref-code';
import { POSTER_SIZES, type PosterSize } from '../../shared/domain/entry-points/types';
import { buildWaLink } from '../../shared/domain/entry-points/wa-link';
import { decodeQrPixels } from '../support/qr-decode';

/**
 * Every poster size at the longest text the fit check lets through (80-character headline, longest instructions),
 * printed by Chromium to PDF, rasterised by poppler and every QR on every page decoded; no text may overlap a QR,
 * leave the page or come within 5 mm of its edge, and no text box may be cut.
 */

const DPI = 200;
const PX_PER_MM = 96 / 25.4;
const WORDS: Record<'en' | 'hi', string> = {
  en: 'Scan the code with your phone camera, then press send and we will answer you within the hour. ',
  hi: 'अपने फ़ोन के कैमरे से कोड स्कैन करें, फिर भेजें दबाएँ और हम एक घंटे में जवाब देंगे। ',
};
const HEADLINE: Record<'en' | 'hi', string> = {
  en: 'Chat with Café Müller on WhatsApp for orders, bookings and opening times today!!',
  hi: 'ऑर्डर, बुकिंग और खुलने के समय के लिए हमसे व्हाट्सऐप पर बात करें, आज ही संदेश भेजें!!!!!',
};
const BUSINESS = 'Café Müller & Söhne Feinkost und Frühstück am Marktplatz';

function repeatTo(text: string, length: number): string {
  return [...text.repeat(Math.ceil(length / [...text].length) + 1)].slice(0, length).join('').trim();
}

/** The longest headline (≤ 80) and instructions (≤ 300) that the fit check accepts for a size. */
function longestTexts(size: PosterSize, lang: 'en' | 'hi'): PosterTexts {
  let texts: PosterTexts = { headline: repeatTo(HEADLINE[lang], 80), instructions: repeatTo(WORDS[lang], 300), businessName: BUSINESS, phoneDisplay: '+49 30 1234 5678' };
  const fit = fitPosterText(size, texts);
  if (!fit.ok) {
    for (const p of fit.problems) {
      if (p.field === 'headline') texts = { ...texts, headline: repeatTo(HEADLINE[lang], p.max) };
      if (p.field === 'instructions') texts = { ...texts, instructions: repeatTo(WORDS[lang], p.max) };
    }
  }
  // Shortening one may still leave the pair too long: trim instructions until it fits.
  while (!fitPosterText(size, texts).ok && texts.instructions.length > 0) texts = { ...texts, instructions: texts.instructions.slice(0, -10) };
  expect(fitPosterText(size, texts).ok).toBe(true);
  return texts;
}

function poster(size: PosterSize, lang: 'en' | 'hi', ref: string, placement?: string): { input: PosterInput; link: string } {
  const message = lang === 'hi' ? 'नमस्ते, मुझे ऑर्डर के बारे में पूछना है' : 'Hola, ¿está listo mi pedido?';
  const link = buildWaLink('+4930123456', appendRef(message, ref, 'qr'));
  const texts = longestTexts(size, lang);
  return {
    link,
    input: { size, ...texts, qrSvg: qrSvg(link, { errorCorrection: 'M' }), refCode: ref, ...(placement ? { placement } : {}) },
  };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Layout of each sheet in print media, relative to its page, in CSS px. */
async function geometry(page: Page) {
  return page.evaluate(() => {
    const rel = (el: Element, origin: DOMRect) => {
      const r = el.getBoundingClientRect();
      return { x: r.x - origin.x, y: r.y - origin.y, w: r.width, h: r.height };
    };
    return [...document.querySelectorAll('.od-page')].map((sheet) => {
      const origin = sheet.getBoundingClientRect();
      const texts = [...sheet.querySelectorAll('.od-headline,.od-instructions,.od-business,.od-phone,.od-ref,.od-sticker-ref,.od-logo')].map((el) => {
        const clip = el.parentElement!.closest('.od-poster,.od-text,.od-sticker,.od-page')!;
        return {
          cls: el.className,
          text: (el.textContent ?? '').slice(0, 30),
          box: rel(el, origin),
          clipBox: rel(clip, origin),
          cut: el.scrollHeight > el.clientHeight + 1 || (el.classList.contains('od-sticker-ref') ? false : el.scrollWidth > el.clientWidth + 1),
        };
      });
      return { page: { w: origin.width, h: origin.height }, qrs: [...sheet.querySelectorAll('.od-qr svg')].map((el) => rel(el, origin)), texts };
    });
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box, slack = 0.5) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;

/** PDF → one PNG per page with pdftoppm. */
function rasterise(pdf: Buffer): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'poster-fit-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', join(dir, 'p.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function decodeRegion(png: PNG, box: Box): string | undefined {
  const k = DPI / 96;
  const pad = 6 * k;
  const x0 = Math.max(0, Math.floor(box.x * k - pad));
  const y0 = Math.max(0, Math.floor(box.y * k - pad));
  const x1 = Math.min(png.width, Math.ceil((box.x + box.w) * k + pad));
  const y1 = Math.min(png.height, Math.ceil((box.y + box.h) * k + pad));
  const w = x1 - x0;
  const h = y1 - y0;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(png.data.subarray(((y0 + y) * png.width + x0) * 4, ((y0 + y) * png.width + x1) * 4), y * w * 4);
  return decodeQrPixels(out, w, h);
}

async function checkSheets(page: Page, items: { input: PosterInput; link: string }[]): Promise<void> {
  await page.setContent(renderPosterBatchHtml(items.map((i) => i.input)));
  await page.emulateMedia({ media: 'print' });
  const sheets = await geometry(page);
  const safe = PRINT_SAFE_MM * PX_PER_MM;
  sheets.forEach((sheet, p) => {
    const pageBox = { x: 0, y: 0, w: sheet.page.w, h: sheet.page.h };
    const printable = { x: safe, y: safe, w: sheet.page.w - 2 * safe, h: sheet.page.h - 2 * safe };
    for (const qr of sheet.qrs) expect(inside(qr, pageBox), `page ${p}: a QR leaves the page`).toBe(true);
    for (const t of sheet.texts) {
      const what = `page ${p}: ${t.cls} "${t.text}"`;
      expect(t.cut, `${what} is cut`).toBe(false);
      expect(inside(t.box, t.clipBox), `${what} runs out of its box`).toBe(true);
      expect(inside(t.box, printable), `${what} is within ${PRINT_SAFE_MM} mm of the edge`).toBe(true);
      for (const qr of sheet.qrs) expect(overlap(t.box, qr), `${what} overlaps a QR`).toBe(false);
    }
  });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pngs = rasterise(pdf);
  expect(pngs).toHaveLength(items.length);
  sheets.forEach((sheet, p) => {
    const decoded = sheet.qrs.map((qr) => decodeRegion(pngs[p]!, qr));
    expect(decoded, `page ${p} (${items[p]!.input.size})`).toEqual(sheet.qrs.map(() => items[p]!.link));
  });
}

for (const lang of ['en', 'hi'] as const) {
  for (const size of POSTER_SIZES) {
    test(`${size} at the longest allowed ${lang} text: nothing cut or overlapping, every QR decodes from the PDF`, async ({ page }) => {
      await checkSheets(page, [poster(size, lang, 'A7K2')]);
    });
  }
}

test('a sticker batch: each sheet carries its till and ref, and all 12 codes on each decode to that till’s link', async ({ page }) => {
  const items = [poster('sticker-sheet', 'en', 'B8L3', 'Till A'), poster('sticker-sheet', 'en', 'C9M4', 'Till B — the long counter by the window')];
  await checkSheets(page, items);
  const labels = await page.locator('.od-page').evaluateAll((pages) => pages.map((p) => [...p.querySelectorAll('.od-sticker-ref')].map((e) => e.textContent)));
  expect(labels[0]).toEqual(Array(12).fill('ref B8L3 · Till A'));
  expect(labels[1]![0]).toContain('ref C9M4');
});

test('text longer than fits is refused with the number of characters that would fit', () => {
  const texts = { headline: 'x'.repeat(80), instructions: '', businessName: BUSINESS, phoneDisplay: '' };
  const fit = fitPosterText('sticker-sheet', texts);
  expect(fit.ok).toBe(false);
  if (!fit.ok) expect(fit.problems[0]).toMatchObject({ field: 'headline', length: 80 });
  expect(() => renderPosterBatchHtml([{ ...poster('A4', 'en', 'A7K2').input, size: 'sticker-sheet', ...texts }])).toThrow(/keep the headline to \d+ characters \(it has 80\)/);
});
