import { contrastRatio, isHexColour } from './colour';
import { escapeHtml, isImageDataUrl } from './html';
import { STICKER_GRID, posterCss, sizeClass } from './poster-css';
import { PosterFitError, fitPosterText } from './poster-fit';
import { maxQrModules } from './poster-layout';
import type { PosterSize } from './types';

/** Poster colours, `#rrggbb`; the QR always sits on its own white pad so any background still scans; an accent with under 3:1 contrast on the background falls back to the text colour. */
export interface PosterColours {
  background: string;
  text: string;
  accent: string;
}

/** Default poster colours: dark text on white, headline in the WhatsApp-style teal. */
export const DEFAULT_POSTER_COLOURS: PosterColours = { background: '#ffffff', text: '#1a1a1a', accent: '#075E54' };

/** One printable poster. */
export interface PosterInput {
  size: PosterSize;
  headline: string;
  instructions: string;
  logoDataUrl?: string;
  colours?: Partial<PosterColours>;
  /** Inline SVG from qrSvg (trusted markup: only our own QR renderer's output is accepted). */
  qrSvg: string;
  businessName: string;
  phoneDisplay: string;
  /** Printed small in a corner so the owner knows which till/table a sheet belongs to. */
  refCode?: string;
  /** Optional placement note printed with the ref, e.g. "Table 4". */
  placement?: string;
}

/** Document-level options. */
export interface PosterDocumentOptions {
  title?: string;
  lang?: string;
}

function assertInput(item: PosterInput): void {
  const svg = item.qrSvg.trim();
  if (!/^<svg[\s>]/.test(svg) || /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY/i.test(svg)) {
    throw new Error('The poster QR must be the SVG made by qrSvg.');
  }
  if (item.logoDataUrl !== undefined && !isImageDataUrl(item.logoDataUrl)) {
    throw new Error('The logo must be a PNG, JPEG, GIF, WebP or SVG image embedded as a data URL.');
  }
  // A code with more modules than the printed width allows prints but does not scan: refuse it for this size.
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  if (modules > maxQrModules(item.size)) throw new PosterQrTooDenseError(item.size, modules, maxQrModules(item.size));
}

/** The QR of a poster has too many modules to scan at the size it prints (a long message): shorten it or print larger. */
export class PosterQrTooDenseError extends Error {
  constructor(
    readonly size: PosterSize,
    readonly modules: number,
    readonly maxModules: number,
  ) {
    super(`The message is too long for a QR code that scans on a ${size}: the code needs ${modules} modules, at most ${maxModules} print large enough. Shorten the prefilled message or choose a larger size.`);
    this.name = 'PosterQrTooDenseError';
  }
}

/** The scale the poster's text prints at (1 = as designed); throws PosterFitError when it does not fit even at the floor. */
export function posterTextScale(item: PosterInput): number {
  const fit = fitPosterText(item.size, {
    headline: item.headline,
    instructions: item.instructions,
    businessName: item.businessName,
    phoneDisplay: item.phoneDisplay,
    hasLogo: Boolean(item.logoDataUrl),
  });
  if (!fit.ok) throw new PosterFitError(item.size, fit.problems);
  return fit.scale;
}

function colours(item: PosterInput): PosterColours {
  const pick = (key: keyof PosterColours) => {
    const value = item.colours?.[key];
    return value !== undefined && isHexColour(value) ? value : DEFAULT_POSTER_COLOURS[key];
  };
  const background = pick('background');
  const text = pick('text');
  // A pale brand colour (WhatsApp green on white is 2:1) would make the headline unreadable: use the text colour.
  const accent = contrastRatio(pick('accent'), background) >= 3 ? pick('accent') : text;
  return { background, text, accent };
}

function logo(item: PosterInput): string {
  return item.logoDataUrl ? `<img class="od-logo" src="${escapeHtml(item.logoDataUrl)}" alt="">` : '';
}

function refNote(item: PosterInput): string {
  const parts = [item.placement, item.refCode ? `ref ${item.refCode}` : undefined].filter(Boolean) as string[];
  return parts.length ? `<p class="od-ref">${escapeHtml(parts.join(' · '))}</p>` : '';
}

function textBlock(item: PosterInput): string {
  return (
    `<h1 class="od-headline">${escapeHtml(item.headline)}</h1>` +
    `<div class="od-qr">${item.qrSvg.trim()}</div>` +
    (item.instructions ? `<p class="od-instructions">${escapeHtml(item.instructions)}</p>` : '') +
    `<p class="od-business">${escapeHtml(item.businessName)}</p>` +
    (item.phoneDisplay ? `<p class="od-phone">${escapeHtml(item.phoneDisplay)}</p>` : '')
  );
}

function tentHalf(item: PosterInput, top: boolean): string {
  return (
    `<div class="od-half${top ? ' od-half-top' : ''}">` +
    `<div class="od-qr">${item.qrSvg.trim()}</div>` +
    `<div class="od-text">${logo(item)}` +
    `<h1 class="od-headline">${escapeHtml(item.headline)}</h1>` +
    (item.instructions ? `<p class="od-instructions">${escapeHtml(item.instructions)}</p>` : '') +
    `<p class="od-business">${escapeHtml(item.businessName)}</p>` +
    (item.phoneDisplay ? `<p class="od-phone">${escapeHtml(item.phoneDisplay)}</p>` : '') +
    `</div></div>`
  );
}

function sticker(item: PosterInput): string {
  // The ref first, so a long till name is what gets an ellipsis, never the ref that tells sheets apart.
  const label = [item.refCode ? `ref ${item.refCode}` : undefined, item.placement].filter(Boolean).join(' · ');
  return (
    `<div class="od-sticker">` +
    `<div class="od-qr">${item.qrSvg.trim()}</div>` +
    (item.headline.trim() ? `<p class="od-headline">${escapeHtml(item.headline)}</p>` : '') +
    `<p class="od-business">${escapeHtml(item.businessName)}</p>` +
    (label ? `<p class="od-sticker-ref">${escapeHtml(label)}</p>` : '') +
    `</div>`
  );
}

/** Colour and fitted text scale (--s) of page `index`: kept in the style sheet so the document needs no inline style attributes. */
function colourCss(item: PosterInput, index: number): string {
  const c = colours(item);
  const scale = posterTextScale(item);
  return `.od-p${index}{background:${c.background};color:${c.text};--s:${scale}}.od-p${index} .od-headline{color:${c.accent}}`;
}

/** The markup of one sheet of paper (a `.od-page` section) for a poster. */
function pageHtml(item: PosterInput, index: number): string {
  assertInput(item);
  const open = `<section class="od-page od-p${index} ${sizeClass(item.size)}">`;
  switch (item.size) {
    case 'table-tent':
      // The top half is upside down so that, folded into a tent, both faces read the right way up.
      return `${open}<div class="od-tent">${tentHalf(item, true)}<div class="od-fold" aria-hidden="true"></div>${tentHalf(item, false)}</div>${refNote(item)}</section>`;
    case 'sticker-sheet': {
      const count = STICKER_GRID.columns * STICKER_GRID.rows;
      return `${open}<div class="od-stickers">${sticker(item).repeat(count)}</div></section>`;
    }
    default:
      return `${open}<div class="od-poster">${logo(item)}${textBlock(item)}</div>${refNote(item)}</section>`;
  }
}

function documentHtml(items: PosterInput[], options: PosterDocumentOptions): string {
  const title = options.title ?? items[0]?.headline ?? 'Poster';
  const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(options.lang ?? '') ? options.lang : 'en';
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>${posterCss(items.map((i) => i.size))}\n${items.map(colourCss).join('')}</style></head>` +
    `<body>${items.map(pageHtml).join('')}</body></html>`
  );
}

/**
 * A complete, self-contained HTML document for one poster: `@page` sized to the paper with no margin, colours kept
 * in print, the QR inline as SVG, no external resources. Print it or `printToPDF({ preferCSSPageSize: true })`.
 */
export function renderPosterHtml(input: PosterInput, options: PosterDocumentOptions = {}): string {
  return documentHtml([input], options);
}

/** One document with one page per item (each with its own ref and QR), separated by page breaks. */
export function renderPosterBatchHtml(items: PosterInput[], options: PosterDocumentOptions = {}): string {
  if (items.length === 0) throw new Error('Choose at least one poster to print.');
  return documentHtml(items, options);
}
