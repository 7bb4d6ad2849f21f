import QRCode from 'qrcode';
import { effectiveErrorCorrection, type QrOptions } from '../../shared/domain/entry-points/qr';

/** Options for a PNG export of a QR code (no logo: PNG is for plain downloads; posters use the SVG). */
export interface QrPngOptions extends Pick<QrOptions, 'errorCorrection' | 'margin' | 'dark' | 'light'> {
  /** Width and height in pixels; 1024 prints sharp at 8–9 cm. */
  width?: number;
}

/** A PNG image of a QR code for `text` (the "Download PNG" button). */
export async function qrPng(text: string, options: QrPngOptions = {}): Promise<Buffer> {
  const colour = (value: string | undefined, fallback: string) => (value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback);
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: effectiveErrorCorrection(options),
    margin: options.margin ?? 4,
    width: Math.min(4096, Math.max(64, Math.round(options.width ?? 1024))),
    color: { dark: colour(options.dark, '#000000'), light: colour(options.light, '#ffffff') },
  });
}
