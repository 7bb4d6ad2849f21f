import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitNotes } from '../../../../renderer/components/entry-points/fit-notes';
import { resources } from '../../../../renderer/i18n';
import { DEFAULT_STYLE } from '../../../../shared/domain/entry-points/types';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    fallbackLng: false,
    resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
    interpolation: { escapeValue: false },
  });
});

const shop = { businessName: 'Kirana', phoneE164: '+919812345678', phoneDisplay: '+91 98123 45678' };
const HINDI_500 = [...'नमस्ते, मुझे आपकी दुकान के बारे में जानकारी चाहिए। '.repeat(12)].slice(0, 500).join('');
const entry = (prefilledMessage: string, style = {}) => ({ kind: 'qr' as const, prefilledMessage, refCode: 'A7K2', style: { ...DEFAULT_STYLE, ...style } });

describe('fitNotes (checked as the owner types)', () => {
  it('500 Hindi characters: says the link and the QR are too long and by how much, in each of the four languages', () => {
    const starts = { en: 'The message makes the link', es: 'El mensaje hace que el enlace', pt: 'A mensagem deixa o link', hi: 'इस संदेश से लिंक' };
    for (const [lng, start] of Object.entries(starts)) {
      const { problems } = fitNotes(i18n.getFixedT(lng), entry(HINDI_500), shop, false);
      expect(problems, lng).toHaveLength(2);
      expect(problems[0]!.startsWith(start), problems[0]).toBe(true);
      for (const text of problems) expect(text, lng).not.toMatch(/\{\{|entryPoints\./);
    }
  });

  it('a sticker sheet with an 80-character headline: names the limit; a long A4 text only notes the shrink', () => {
    const t = i18n.getFixedT('es');
    const headline = 'Chat with Kirana on WhatsApp for orders, bookings and opening times today!!!!!!!';
    const sticker = fitNotes(t, entry('Hola', { posterSize: 'sticker-sheet', headline }), shop, true);
    expect(sticker.problems[0]).toMatch(/^El titular es demasiado largo para /);
    expect(sticker.problems[0]).toMatch(/\(tiene 80\)/);
    const a4 = fitNotes(t, entry('Hola', { headline, instructions: 'Escanea el código con la cámara y pulsa enviar. '.repeat(6).slice(0, 300) }), shop, true);
    expect(a4.problems).toEqual([]);
    expect(a4.info[0]).toMatch(/se imprime al \d+ %/);
  });

  it('short text: nothing to say', () => {
    expect(fitNotes(i18n.getFixedT('hi'), entry('नमस्ते'), shop, true)).toEqual({ problems: [], info: [] });
  });
});
