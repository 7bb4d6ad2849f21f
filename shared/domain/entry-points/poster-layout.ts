import type { PosterSize } from './types';

/**
 * The printed layout in millimetres, in one place: poster-css prints with these numbers and poster-fit measures text
 * against them, so the check the owner sees while typing is the layout that prints.
 */

/** Paper size of each poster format in millimetres (table tent: A4 landscape, folded in the middle). */
export const POSTER_PAGE_MM: Record<PosterSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  Letter: { width: 215.9, height: 279.4 },
  'table-tent': { width: 297, height: 210 },
  'sticker-sheet': { width: 210, height: 297 },
};

/** Stickers per A4 sheet: columns × rows. */
export const STICKER_GRID = { columns: 3, rows: 4 } as const;

/** A sheet is this much shorter than its paper, so rounding never spills a blank extra page. */
export const PAGE_SLACK_MM = 0.5;

/** Many printers cannot print the outer ~4 mm; no text comes closer to the edge than this. */
export const PRINT_SAFE_MM = 5;

/** Column posters (A4, A5, Letter), at --u = 1 (A4 width); everything scales with --u. */
export const COLUMN = {
  paddingMm: 16,
  qrMm: 120,
  qrPadMm: 2,
  gapMm: 7,
  logoMm: 30,
  headlineMm: 16,
  instructionsMm: 7,
  instructionsMaxMm: 170,
  businessMm: 8,
  phoneMm: 6.5,
  refMm: 3.2,
} as const;

/** Table tent halves (A4 landscape folded): the QR beside the text. */
export const TENT = {
  padXMm: 18,
  padYMm: 10,
  foldMm: 0.4,
  qrMm: 78,
  qrPadMm: 2,
  gapXMm: 14,
  gapMm: 4,
  logoMm: 16,
  headlineMm: 12,
  instructionsMm: 5.2,
  businessMm: 6,
  phoneMm: 5,
} as const;

/** Stickers: the QR above a short headline, the business name and the till/ref line. */
export const STICKER = { sheetPadMm: 10, gridGapMm: 4, padMm: 3, qrMm: 40, gapMm: 1.5, headlineMm: 4.2, businessMm: 3.4, refMm: 2.6 } as const;

/** Line heights poster-css sets on each block. */
export const LINE_HEIGHT = { headline: 1.15, instructions: 1.3, business: 1.2, phone: 1.2, ref: 1.2 } as const;

/** The scale unit --u of a size (1 on A4-width paper). */
export function unitOf(size: PosterSize): number {
  const { width, height } = POSTER_PAGE_MM[size];
  return Math.min(width, height) / 210;
}

/** Printed width of the QR code itself (inside its white pad, quiet zone included), mm. */
export function posterQrMm(size: PosterSize): number {
  if (size === 'table-tent') return TENT.qrMm - 2 * TENT.qrPadMm;
  if (size === 'sticker-sheet') return STICKER.qrMm;
  return (COLUMN.qrMm - 2 * COLUMN.qrPadMm) * unitOf(size);
}

/**
 * Smallest module (QR square) a phone camera reads reliably from a table or wall at 20–40 cm. A denser code prints
 * but does not scan, so a message that needs more modules than a size allows is refused for that size.
 */
export const MIN_MODULE_MM = 0.4;

/** Most modules (quiet zone included) a size's QR may have. */
export function maxQrModules(size: PosterSize): number {
  return Math.floor(posterQrMm(size) / MIN_MODULE_MM);
}
