import { COLUMN, LINE_HEIGHT, PAGE_SLACK_MM, POSTER_PAGE_MM, STICKER, STICKER_GRID, TENT, unitOf } from './poster-layout';
import type { PosterSize } from './types';

/**
 * Does the poster's text fit its paper? A pure estimate from the layout (the same millimetres poster-css prints
 * with): each text is broken into lines by an estimated glyph width, its height summed with the fixed parts (QR,
 * logo, gaps), and the text shrunk step by step down to a readable floor. What still does not fit is refused with
 * the number of characters that would. Widths are over-estimated on purpose, so text that passes fits in Chromium
 * (test/e2e/poster-fit.spec.ts prints every size at the longest passing text and decodes every QR).
 */

/** One text block of a layout: its font size at scale 1 (mm), line height, and whether it may take several lines. */
interface Block {
  fontMm: number;
  lineHeight: number;
  bold: boolean;
  /** Width available to the text, mm. */
  widthMm: number;
}

/** The space text has on one face of a size, and its fixed parts, all in mm. */
export interface FaceLayout {
  /** Height of the column the texts, QR and logo stack in. */
  heightMm: number;
  /** Height taken by things that never shrink in this column (the QR when it stacks with the text, gaps, logo). */
  fixedMm: number;
  /** Extra fixed height when a logo is printed. */
  logoMm: number;
  gapMm: number;
  headline: Block;
  instructions?: Block;
  business: Block;
  phone?: Block;
  /** The small till/ref line (stickers): one line, never scaled. */
  refLineMm?: number;
  /** Smallest scale the text may be printed at (keeps it readable at the distance the format is read from). */
  minScale: number;
}

/** The layout model of a size. */
export function faceLayout(size: PosterSize): FaceLayout {
  if (size === 'table-tent') {
    const { width, height } = POSTER_PAGE_MM[size];
    const widthMm = width - 2 * TENT.padXMm - TENT.qrMm - TENT.gapXMm;
    const block = (fontMm: number, lh: number, bold: boolean): Block => ({ fontMm, lineHeight: lh, bold, widthMm });
    return {
      heightMm: (height - PAGE_SLACK_MM - TENT.foldMm) / 2 - 2 * TENT.padYMm,
      fixedMm: 3 * TENT.gapMm,
      logoMm: TENT.logoMm + TENT.gapMm,
      gapMm: TENT.gapMm,
      headline: block(TENT.headlineMm, LINE_HEIGHT.headline, true),
      instructions: block(TENT.instructionsMm, LINE_HEIGHT.instructions, false),
      business: block(TENT.businessMm, LINE_HEIGHT.business, true),
      phone: block(TENT.phoneMm, LINE_HEIGHT.phone, false),
      minScale: 0.6,
    };
  }
  if (size === 'sticker-sheet') {
    const { width, height } = POSTER_PAGE_MM[size];
    const cellW = (width - 2 * STICKER.sheetPadMm - (STICKER_GRID.columns - 1) * STICKER.gridGapMm) / STICKER_GRID.columns;
    const cellH = (height - PAGE_SLACK_MM - 2 * STICKER.sheetPadMm - (STICKER_GRID.rows - 1) * STICKER.gridGapMm) / STICKER_GRID.rows;
    const widthMm = cellW - 2 * STICKER.padMm;
    const block = (fontMm: number, lh: number, bold: boolean): Block => ({ fontMm, lineHeight: lh, bold, widthMm });
    return {
      heightMm: cellH - 2 * STICKER.padMm,
      fixedMm: STICKER.qrMm + 3 * STICKER.gapMm,
      logoMm: 0,
      gapMm: STICKER.gapMm,
      headline: block(STICKER.headlineMm, LINE_HEIGHT.headline, true),
      business: block(STICKER.businessMm, LINE_HEIGHT.business, true),
      refLineMm: STICKER.refMm * LINE_HEIGHT.ref,
      minScale: 0.75,
    };
  }
  const u = unitOf(size);
  const { width, height } = POSTER_PAGE_MM[size];
  const inner = width - 2 * COLUMN.paddingMm * u;
  const block = (fontMm: number, lh: number, bold: boolean, widthMm = inner): Block => ({ fontMm: fontMm * u, lineHeight: lh, bold, widthMm });
  return {
    heightMm: height - PAGE_SLACK_MM - 2 * COLUMN.paddingMm * u,
    // QR plus the four gaps between headline, QR, instructions, business and phone.
    fixedMm: COLUMN.qrMm * u + 4 * COLUMN.gapMm * u,
    logoMm: (COLUMN.logoMm + COLUMN.gapMm) * u,
    gapMm: COLUMN.gapMm * u,
    headline: block(COLUMN.headlineMm, LINE_HEIGHT.headline, true),
    instructions: block(COLUMN.instructionsMm, LINE_HEIGHT.instructions, false, Math.min(inner, COLUMN.instructionsMaxMm * u)),
    business: block(COLUMN.businessMm, LINE_HEIGHT.business, true),
    phone: block(COLUMN.phoneMm, LINE_HEIGHT.phone, false),
    minScale: 0.5,
  };
}

/** Estimated advance of one character in em (generous: real sans-serif text is narrower). */
function charEm(char: string): number {
  if (/\p{M}/u.test(char)) return 0.35; // combining marks: Devanagari matras, accents
  if (/\p{Extended_Pictographic}/u.test(char)) return 1.25;
  if (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char)) return 1.05;
  if (/[\u0900-\u0DFF]/u.test(char)) return 0.72; // Indic letters
  if (/\s/u.test(char)) return 0.3;
  if (/[A-Z0-9@%&MW]/u.test(char)) return 0.72;
  if (/[.,;:'"!|il()[\]]/u.test(char)) return 0.35;
  return 0.6;
}

/** Lines a text takes in a block at a scale: per paragraph (pre-line keeps the owner's line breaks), 12 % lost to wrapping. */
function linesOf(text: string, block: Block, scale: number): number {
  const perLine = block.widthMm * 0.88;
  const font = block.fontMm * scale * (block.bold ? 1.08 : 1);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let width = 0;
    for (const char of paragraph) width += charEm(char) * font;
    lines += Math.max(1, Math.ceil(width / perLine));
  }
  return lines;
}

/** The texts of one poster face. */
export interface PosterTexts {
  headline: string;
  instructions: string;
  businessName: string;
  phoneDisplay: string;
  hasLogo?: boolean;
}

function heightAt(layout: FaceLayout, t: PosterTexts, scale: number): number {
  const h = (text: string, block: Block | undefined) =>
    block && text.trim() ? linesOf(text.trim(), block, scale) * block.fontMm * scale * block.lineHeight : 0;
  return (
    layout.fixedMm +
    (t.hasLogo ? layout.logoMm : 0) +
    (layout.refLineMm ?? 0) +
    h(t.headline, layout.headline) +
    h(t.instructions, layout.instructions) +
    h(t.businessName, layout.business) +
    h(t.phoneDisplay, layout.phone)
  );
}

/** A text that does not fit even at the smallest readable size: how long it may be (with the other texts as they are). */
export interface PosterFitProblem {
  field: 'headline' | 'instructions' | 'businessName';
  length: number;
  max: number;
}

/** The verdict: the scale to print the text at (1 = designed size), or what to shorten. */
export type PosterFit = { ok: true; scale: number } | { ok: false; scale: number; problems: PosterFitProblem[] };

const STEP = 0.05;

function fitsAt(layout: FaceLayout, texts: PosterTexts, scale: number): boolean {
  return heightAt(layout, texts, scale) <= layout.heightMm;
}

/** Longest prefix (in characters) of `field` that fits at the minimum scale, the other texts as they are. */
function maxLength(layout: FaceLayout, texts: PosterTexts, field: 'headline' | 'instructions' | 'businessName'): number {
  const chars = [...texts[field]];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsAt(layout, { ...texts, [field]: chars.slice(0, mid).join('') }, layout.minScale)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Smallest printed body text: 3.5 mm (about 10 pt) on posters and tents, read from arm's length or across a table;
 * 2.5 mm on stickers, read from a hand's length. The scale floor of a size is whichever of its own floor and this is
 * higher, so A5 (whose type is already 0.7 of A4's) does not shrink as far as A4.
 */
export const MIN_BODY_TEXT_MM = { poster: 3.5, sticker: 2.5 } as const;

function scaleFloor(size: PosterSize, layout: FaceLayout): number {
  const blocks = [layout.instructions, layout.business, layout.phone].filter((b): b is Block => Boolean(b));
  const smallest = Math.min(...blocks.map((b) => b.fontMm));
  const minMm = size === 'sticker-sheet' ? MIN_BODY_TEXT_MM.sticker : MIN_BODY_TEXT_MM.poster;
  return Math.ceil(Math.max(layout.minScale, minMm / smallest) * 20) / 20;
}

/** How the texts fit a poster size: the largest scale (in 5 % steps, down to the size's floor) at which all fit. */
export function fitPosterText(size: PosterSize, texts: PosterTexts): PosterFit {
  const base = faceLayout(size);
  const layout = { ...base, minScale: scaleFloor(size, base) };
  const shown: PosterTexts = layout.instructions ? texts : { ...texts, instructions: '' };
  for (let scale = 1; scale >= layout.minScale - 1e-9; scale -= STEP) {
    const rounded = Math.round(scale * 100) / 100;
    if (fitsAt(layout, shown, rounded)) return { ok: true, scale: rounded };
  }
  const problems: PosterFitProblem[] = [];
  const fields: ('headline' | 'instructions' | 'businessName')[] = layout.instructions ? ['headline', 'instructions'] : ['headline'];
  for (const field of fields) {
    const length = [...shown[field]].length;
    const max = maxLength(layout, shown, field);
    if (max < length) problems.push({ field, length, max });
  }
  // Nothing the owner can shorten here fits on its own: the business name (from the profile) is what is too long.
  if (problems.every((p) => p.max === 0)) {
    problems.push({ field: 'businessName', length: [...texts.businessName].length, max: maxLength(layout, { ...shown, headline: '', instructions: '' }, 'businessName') });
  }
  return { ok: false, scale: layout.minScale, problems };
}

/** Thrown by the poster renderer when text does not fit; main turns it into a typed refusal, the editor warns first. */
export class PosterFitError extends Error {
  constructor(
    readonly size: PosterSize,
    readonly problems: PosterFitProblem[],
  ) {
    super(
      `The poster text does not fit a ${size} sheet: ` +
        problems.map((p) => `keep the ${p.field === 'businessName' ? 'business name' : p.field} to ${p.max} characters (it has ${p.length})`).join('; ') +
        '.',
    );
    this.name = 'PosterFitError';
  }
}
