import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { qrSvg } from '../../../../shared/domain/entry-points/qr';
import { buildWaLink } from '../../../../shared/domain/entry-points/wa-link';
import { appendRef } from '../../../../shared/domain/entry-points/ref-code';
import { buildVCard } from '../../../../shared/domain/entry-points/vcard';
import { decodeQrSvg } from '../../../support/qr-decode';

function solidPngDataUrl(size: number, rgb: [number, number, number]): string {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

const texts = [
  'Hi, is my order ready?',
  'Hola 😀👍🏽 ¿está listo mi pedido?',
  'مرحبا، هل طلبي جاهز؟',
  'नमस्ते, क्या मेरा ऑर्डर तैयार है?',
  '你好，我的订单好了吗？ 🎉',
  'a&b=c?d#e%20f+g\nsecond line',
];

describe('QR round trip (SVG → resvg PNG → jsqr)', () => {
  it.each(texts)('decodes to exactly the wa.me link for %j', (text) => {
    const link = buildWaLink('+34612345678', appendRef(text, 'A7K2', 'qr'));
    expect(decodeQrSvg(qrSvg(link, { errorCorrection: 'M' }))).toBe(link);
  });

  it.each(['L', 'Q', 'H'] as const)('decodes at error correction %s', (level) => {
    const link = buildWaLink('+4930123456', appendRef('Guten Tag, Größe?', 'Z9X4', 'qr'));
    expect(decodeQrSvg(qrSvg(link, { errorCorrection: level }))).toBe(link);
  });

  it('decodes to exactly the vCard, with non-Latin and emoji in the name', () => {
    for (const name of ['Café Sol; Tapas, Vinos', 'متجر الورد 🌹', 'चाय की दुकान', '花店 🌸']) {
      const card = buildVCard({ name, phoneE164: '+34612345678', url: 'https://example.com/shop' });
      expect(decodeQrSvg(qrSvg(card))).toBe(card);
    }
  });

  it('still decodes with a logo covering the middle (forced to H)', () => {
    const link = buildWaLink('+34612345678', appendRef('Hola 😀', 'A7K2', 'qr'));
    const svg = qrSvg(link, { errorCorrection: 'L', logoDataUrl: solidPngDataUrl(32, [200, 20, 60]) });
    expect(svg).toContain('<image');
    expect(decodeQrSvg(svg)).toBe(link);
  });
});
