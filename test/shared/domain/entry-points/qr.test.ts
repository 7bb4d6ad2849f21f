import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { Resvg } from '@resvg/resvg-js';
import { LOGO_MAX_WIDTH_RATIO, effectiveErrorCorrection, qrSvg, qrSvgFile } from '../../../../shared/domain/entry-points/qr';
import { decodeQrPng } from '../../../support/qr-decode';

const LOGO = 'data:image/png;base64,iVBORw0KGgo=';

describe('qrSvg', () => {
  it('is a self-contained SVG with no external reference', () => {
    const svg = qrSvg('https://wa.me/34612345678');
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('forces error correction H when a logo is used', () => {
    expect(effectiveErrorCorrection({ errorCorrection: 'L', logoDataUrl: LOGO })).toBe('H');
    expect(effectiveErrorCorrection({ errorCorrection: 'Q' })).toBe('Q');
    expect(effectiveErrorCorrection({})).toBe('M');
    // H needs more modules than L for the same text: the logo version is the larger code.
    const text = 'https://wa.me/34612345678?text=Hola%20(ref%20A7K2)';
    const size = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    expect(size(qrSvg(text, { errorCorrection: 'L', logoDataUrl: LOGO }))).toBe(QRCode.create(text, { errorCorrectionLevel: 'H' }).modules.size + 8);
  });

  it('keeps the logo pad within 20 % of the width, centred', () => {
    const svg = qrSvg('https://wa.me/34612345678', { logoDataUrl: LOGO });
    const size = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const rect = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/.exec(svg)!;
    const image = /<image href="([^"]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    expect(Number(rect[3]) / size).toBeLessThanOrEqual(LOGO_MAX_WIDTH_RATIO);
    expect(Number(rect[1]) * 2 + Number(rect[3])).toBeCloseTo(size);
    expect(Number(image[3])).toBeLessThan(Number(rect[3]));
    expect(image[1]).toBe(LOGO);
  });

  it('refuses a logo that would be fetched from elsewhere', () => {
    expect(() => qrSvg('x', { logoDataUrl: 'https://evil.example/logo.png' })).toThrow(/data URL/);
    expect(() => qrSvg('x', { logoDataUrl: 'data:image/png;base64,AAA" onload="x' })).toThrow();
  });

  it('adds an escaped accessible name when labelled', () => {
    const svg = qrSvg('x', { label: 'QR <code> for "Tapas"' });
    expect(svg).toContain('role="img" aria-label="QR &#60;code&#62; for &#34;Tapas&#34;"');
    expect(svg).toContain('<title>QR &#60;code&#62; for &#34;Tapas&#34;</title>');
  });

  it('uses only well-formed colours', () => {
    expect(qrSvg('x', { dark: '#123456' })).toContain('stroke="#123456"');
    expect(qrSvg('x', { dark: 'red;"' })).toContain('stroke="#000000"');
  });
});

describe('qrSvgFile (the downloaded SVG)', () => {
  it('has an intrinsic size, so apps that open it without CSS show it 1024 px wide, and it still decodes', () => {
    const link = 'https://wa.me/34612345678?text=Hola%20%5Bref%3AA7K2%5D';
    const file = qrSvgFile(qrSvg(link, { label: 'WhatsApp QR' }));
    expect(file).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg width="1024" height="1024" /);
    const image = new Resvg(file, { background: '#ffffff' }).render();
    expect([image.width, image.height]).toEqual([1024, 1024]);
    expect(decodeQrPng(Buffer.from(image.asPng()))).toBe(link);
  });

  it('replaces a size already there instead of writing two', () => {
    const file = qrSvgFile('<svg width="10" height="10" viewBox="0 0 10 10"></svg>', 300);
    expect(file.match(/width=/g)).toHaveLength(1);
    expect(file).toContain('<svg width="300" height="300" viewBox="0 0 10 10">');
  });
});
