import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidWaNumberError,
  buildEmailText,
  buildMailtoUrl,
  buildSmsText,
  buildSmsUrl,
  buildWaLink,
  entryPointLink,
  waDigits,
} from '../../../../shared/domain/entry-points/wa-link';
import { REF_ALPHABET, appendRef, isValidRefCode } from '../../../../shared/domain/entry-points/ref-code';

const scripts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('Hola 😀👍🏽', 'مرحبا، هل طلبي جاهز؟', 'नमस्ते, क्या मेरा ऑर्डर तैयार है?', '你好，我的订单好了吗？', 'a&b=c?d#e%20f+g', 'line1\nline2'),
);
const refArb = fc
  .array(fc.constantFrom(...REF_ALPHABET), { minLength: 4, maxLength: 4 })
  .map((c) => c.join(''))
  .filter(isValidRefCode);
// E.164 with a few typical typing variations; country codes start 1–9.
const e164Arb = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 13 }))
  .map(([first, rest]) => `+${first}${rest.join('')}`);

describe('buildWaLink', () => {
  it('builds the documented wa.me form', () => {
    expect(buildWaLink('+49 30 1234567')).toBe('https://wa.me/49301234567');
    expect(buildWaLink('+4930123456', 'Hi there (ref A7K2)')).toBe('https://wa.me/4930123456?text=Hi%20there%20(ref%20A7K2)');
    expect(buildWaLink('+4930123456', '')).toBe('https://wa.me/4930123456');
  });

  it('refuses something that is not an E.164 number', () => {
    for (const bad of ['', 'abc', '+0123456789', '0301234567', '4930123456', '+12', '+1234567890123456', 'mailto:x']) {
      expect(() => buildWaLink(bad), bad).toThrow(InvalidWaNumberError);
    }
  });

  it('round-trips any prefilled text plus ref exactly through the text parameter (property)', () => {
    fc.assert(
      fc.property(e164Arb, scripts, refArb, (e164, text, ref) => {
        const message = appendRef(text, ref, 'link');
        const url = new URL(buildWaLink(e164, message));
        expect(url.origin).toBe('https://wa.me');
        expect(url.searchParams.get('text')).toBe(message);
        expect(decodeURIComponent(url.search.slice('?text='.length))).toBe(message);
        expect(message.endsWith(`(ref ${ref})`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('puts only digits in the path: no plus, spaces or leading zeros (property)', () => {
    fc.assert(
      fc.property(e164Arb, fc.constantFrom('', ' ', '-'), (e164, sep) => {
        const typed = e164.slice(0, 3) + sep + e164.slice(3);
        const digits = new URL(buildWaLink(typed, 'x')).pathname.slice(1);
        expect(digits).toMatch(/^[1-9]\d+$/);
        expect(digits).toBe(e164.slice(1));
        expect(waDigits(typed)).toBe(digits);
      }),
      { numRuns: 200 },
    );
  });

  it('builds an entry point link with its ref, and a plain one for direct', () => {
    const entry = { kind: 'qr' as const, prefilledMessage: 'Hola', refCode: 'A7K2' };
    expect(entryPointLink('+34612345678', entry)).toBe('https://wa.me/34612345678?text=Hola%20(ref%20A7K2)');
    expect(entryPointLink('+34612345678', { ...entry, kind: 'direct' })).toBe('https://wa.me/34612345678?text=Hola');
    expect(entryPointLink('+34612345678', { ...entry, kind: 'direct', prefilledMessage: '' })).toBe('https://wa.me/34612345678');
  });

  it('does not throw on a lone surrogate (replaced, not crashed)', () => {
    expect(buildWaLink('+34612345678', 'a\uD800b')).toBe('https://wa.me/34612345678?text=a%EF%BF%BDb');
  });
});

describe('share texts', () => {
  const link = 'https://wa.me/34612345678?text=Hola%20(ref%20A7K2)';

  it('builds SMS and email text around the link', () => {
    expect(buildSmsText(link, 'Café Sol')).toBe(`Chat with Café Sol on WhatsApp: ${link}`);
    const email = buildEmailText(link, 'Café Sol');
    expect(email.subject).toBe('Chat with Café Sol on WhatsApp');
    expect(email.body).toContain(`\n${link}\n`);
  });

  it('uses translated wording and never expands placeholders inside the business name', () => {
    const wording = { sms: 'Escríbenos a {business}: {link}', emailSubject: '{business}', emailBody: '{link}' };
    expect(buildSmsText(link, '{link}', wording)).toBe(`Escríbenos a {link}: ${link}`);
  });

  it('builds mailto: and sms: URLs that decode back to the text', () => {
    const mailto = buildMailtoUrl('Hi & bye', 'a\nb');
    expect(mailto).toBe('mailto:?subject=Hi%20%26%20bye&body=a%0D%0Ab');
    const sms = buildSmsUrl(`Chat: ${link}`);
    expect(decodeURIComponent(sms.slice('sms:?&body='.length))).toBe(`Chat: ${link}`);
  });
});
