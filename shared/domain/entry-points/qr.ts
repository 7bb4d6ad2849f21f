import QRCode from 'qrcode';
import { escapeHtml, isImageDataUrl } from './html';
import type { ErrorCorrection } from './types';

/** How a QR code is drawn. */
export interface QrOptions {
  errorCorrection?: ErrorCorrection;
  /** Base64 image data URL placed in the middle; forces error correction H. */
  logoDataUrl?: string;
  /** Quiet zone in modules; scanners need 4, stickers may use less. */
  margin?: number;
  /** Module colour, `#rrggbb`; keep it dark on a light background or phones will not read it. */
  dark?: string;
  light?: string;
  /** Accessible name, written as the SVG's `<title>` and aria-label. */
  label?: string;
}

/** Share of the code's width the logo (with its white pad) may cover; H recovers 30 % of the modules. */
export const LOGO_MAX_WIDTH_RATIO = 0.2;

/** The error correction actually used: H whenever a logo hides the middle of the code. */
export function effectiveErrorCorrection(options: QrOptions): ErrorCorrection {
  return options.logoDataUrl ? 'H' : (options.errorCorrection ?? 'M');
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * A self-contained SVG of a QR code for `text` (no external references; scales to its container via viewBox).
 * Uses qrcode's SVG string renderer, synchronously through its callback form, so it runs in renderer, main and tests.
 */
export function qrSvg(text: string, options: QrOptions = {}): string {
  if (options.logoDataUrl !== undefined && !isImageDataUrl(options.logoDataUrl)) {
    throw new Error('The logo must be a base64 image data URL (PNG, JPEG, GIF, WebP or SVG).');
  }
  const margin = options.margin ?? 4;
  let svg = '';
  let failure: Error | null | undefined;
  QRCode.toString(
    text,
    {
      type: 'svg',
      errorCorrectionLevel: effectiveErrorCorrection(options),
      margin,
      color: {
        dark: options.dark && COLOUR.test(options.dark) ? options.dark : '#000000',
        light: options.light && COLOUR.test(options.light) ? options.light : '#ffffff',
      },
    },
    (error, out) => {
      failure = error;
      svg = out;
    },
  );
  if (failure) throw failure;
  if (!svg) throw new Error('The QR library did not render synchronously.');
  svg = svg.trim();
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const label = options.label ? escapeHtml(options.label) : undefined;
  const open = label ? `<svg role="img" aria-label="${label}" ` : '<svg ';
  let inner = svg.slice('<svg '.length, -'</svg>'.length);
  if (label) inner = inner.replace('>', `><title>${label}</title>`);
  const logo = options.logoDataUrl ? logoMarkup(options.logoDataUrl, size) : '';
  return `${open}${inner}${logo}</svg>`;
}

/** Pixel size written into a downloaded SVG: the same 1024 px as the PNG, sharp at 8–9 cm in print. */
export const QR_SVG_FILE_PX = 1024;

/**
 * The SVG as a file to download: with width and height attributes, because an SVG with only a viewBox has no
 * intrinsic size and Word, PowerPoint, Canva and some viewers open it as a 16 px speck or at page width.
 * Inline copies keep no size so CSS scales them.
 */
export function qrSvgFile(svg: string, px: number = QR_SVG_FILE_PX): string {
  const size = Math.max(64, Math.round(px));
  const trimmed = svg.trim();
  const open = /^<svg\b[^>]*>/.exec(trimmed)?.[0];
  if (!open) throw new Error('Not an SVG document.');
  const sized = open.replace(/\s(?:width|height)="[^"]*"/g, '').replace(/^<svg/, `<svg width="${size}" height="${size}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${sized}${trimmed.slice(open.length)}\n`;
}

/** The logo centred on a white pad; the pad is LOGO_MAX_WIDTH_RATIO of the width, the image a bit smaller. */
function logoMarkup(dataUrl: string, size: number): string {
  const pad = Math.floor(size * LOGO_MAX_WIDTH_RATIO);
  const padAt = (size - pad) / 2;
  const image = pad * 0.84;
  const imageAt = (size - image) / 2;
  return (
    `<rect x="${padAt}" y="${padAt}" width="${pad}" height="${pad}" rx="${pad * 0.12}" fill="#ffffff"/>` +
    `<image href="${escapeHtml(dataUrl)}" x="${imageAt}" y="${imageAt}" width="${image}" height="${image}" preserveAspectRatio="xMidYMid meet"/>`
  );
}
