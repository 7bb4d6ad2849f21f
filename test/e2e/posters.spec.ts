import { test, expect, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { qrSvg } from '../../shared/domain/entry-points/qr';
import { renderPosterBatchHtml, renderPosterHtml, type PosterInput } from '../../shared/domain/entry-points/poster';
import { appendRef } from '../../shared/domain/entry-points/ref-code';
import { buildWaLink } from '../../shared/domain/entry-points/wa-link';
import type { PosterSize } from '../../shared/domain/entry-points/types';
import { decodeQrPng } from '../support/qr-decode';

/** Expected PDF page size in points for each format. */
const POINTS: Record<PosterSize, [number, number]> = {
  A4: [595, 842],
  A5: [420, 595],
  Letter: [612, 792],
  'table-tent': [842, 595],
  'sticker-sheet': [595, 842],
};

function poster(size: PosterSize, ref = 'A7K2', text = 'Hola, ¿está listo mi pedido? 😀'): { input: PosterInput; link: string } {
  const link = buildWaLink('+34612345678', appendRef(text, ref, 'qr'));
  return {
    link,
    input: {
      size,
      headline: 'Chat with us on WhatsApp',
      instructions: 'Scan the code with your phone camera, then press send.',
      qrSvg: qrSvg(link, { errorCorrection: 'M', label: 'WhatsApp QR code' }),
      businessName: 'Café Sol',
      phoneDisplay: '+34 612 34 56 78',
      colours: { background: '#fff8e1', text: '#1a1a1a', accent: '#075E54' },
      refCode: ref,
    },
  };
}

async function pdfPages(page: Page, html: string): Promise<[number, number][]> {
  await page.setContent(html);
  const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return pdf.getPages().map((p) => [p.getWidth(), p.getHeight()]);
}

function expectSize(actual: [number, number], expected: [number, number]): void {
  expect(Math.abs(actual[0] - expected[0]), `width ${actual[0]} vs ${expected[0]}`).toBeLessThanOrEqual(2);
  expect(Math.abs(actual[1] - expected[1]), `height ${actual[1]} vs ${expected[1]}`).toBeLessThanOrEqual(2);
}

for (const size of Object.keys(POINTS) as PosterSize[]) {
  test(`${size} poster prints as exactly one page of the right size`, async ({ page }) => {
    const pages = await pdfPages(page, renderPosterHtml(poster(size).input));
    expect(pages).toHaveLength(1);
    expectSize(pages[0]!, POINTS[size]);
  });

  test(`${size} poster on screen shows a QR that decodes to the link`, async ({ page }) => {
    const { input, link } = poster(size, 'Q7W3', 'नमस्ते 你好 مرحبا');
    await page.setContent(renderPosterHtml(input));
    // Sticker sheets and tents repeat the code: decode one copy.
    const png = await page.locator('.od-qr').last().screenshot();
    expect(decodeQrPng(png)).toBe(link);
  });
}

test('a batch of 3 prints 3 pages, each with its own QR', async ({ page }) => {
  const items = ['A7K2', 'B8L3', 'C9M4'].map((ref) => poster('A5', ref));
  const pages = await pdfPages(page, renderPosterBatchHtml(items.map((i) => i.input)));
  expect(pages).toHaveLength(3);
  for (const p of pages) expectSize(p, POINTS.A5);
  await page.emulateMedia({ media: 'screen' });
  const codes = page.locator('.od-page .od-qr');
  for (let i = 0; i < items.length; i++) expect(decodeQrPng(await codes.nth(i).screenshot())).toBe(items[i]!.link);
});

test('a batch may mix paper sizes', async ({ page }) => {
  const sizes: PosterSize[] = ['A4', 'Letter', 'table-tent'];
  const pages = await pdfPages(page, renderPosterBatchHtml(sizes.map((s, i) => poster(s, `R${i + 2}K2`).input)));
  expect(pages).toHaveLength(3);
  pages.forEach((p, i) => expectSize(p, POINTS[sizes[i]!]));
});
