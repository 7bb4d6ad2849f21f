import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';

/** Decodes RGBA pixels holding one QR code; the payload read as UTF-8, or undefined when no code is found. */
export function decodeQrPixels(data: Uint8ClampedArray | Uint8Array, width: number, height: number): string | undefined {
  const pixels = data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  const code = jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' });
  if (!code) return undefined;
  // jsQR's `data` guesses the text encoding; the raw bytes are what the encoder wrote, which is UTF-8 here.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(code.binaryData));
  } catch {
    return code.data;
  }
}

/** Decodes a PNG image (a QR export, a screenshot) holding one QR code; undefined when none is found. */
export function decodeQrPng(png: Buffer | Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return decodeQrPixels(image.data, image.width, image.height);
}

/** Rasterises an SVG with resvg at `width` pixels (white background). */
export function svgToPng(svg: string, width = 600): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff' });
  return Buffer.from(resvg.render().asPng());
}

/** Rasterises an SVG QR code and decodes it. */
export function decodeQrSvg(svg: string, width = 600): string | undefined {
  return decodeQrPng(svgToPng(svg, width));
}
