import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { qrPng } from '../../../main/services/qr-png';
import { buildWaLink } from '../../../shared/domain/entry-points/wa-link';
import { appendRef } from '../../../shared/domain/entry-points/ref-code';
import { decodeQrPng } from '../../support/qr-decode';

describe('qrPng', () => {
  it('writes a PNG that decodes back to exactly the link, non-Latin text and emoji included', async () => {
    for (const text of ['Hola 😀', 'مرحبا', 'नमस्ते', '你好']) {
      const link = buildWaLink('+34612345678', appendRef(text, 'A7K2', 'qr'));
      const png = await qrPng(link, { width: 400 });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(decodeQrPng(png)).toBe(link);
    }
  });

  it('honours the requested width and error correction', async () => {
    const png = await qrPng('https://wa.me/34612345678', { width: 300, errorCorrection: 'H' });
    const image = PNG.sync.read(png);
    expect(image.width).toBe(300);
    expect(decodeQrPng(png)).toBe('https://wa.me/34612345678');
  });
});
