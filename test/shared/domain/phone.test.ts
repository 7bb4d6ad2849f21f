import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneSearchKey, toWaDigits } from '../../../shared/domain/phone';

describe('normalizePhone', () => {
  it.each([
    ['612 34 56 78', 'ES', '+34612345678'],
    ['07400 123456', 'GB', '+447400123456'],
    ['(11) 96123-4567', 'BR', '+5511961234567'],
    ['098765 43210', 'IN', '+919876543210'],
    ['+1 (650) 555-1234', undefined, '+16505551234'],
    ['0044 7400 123456', 'ES', '+447400123456'],
    ['55 1234 5678', 'MX', '+525512345678'],
    ['0151 23456789', 'DE', '+4915123456789'],
  ])('%s in %s is %s', (input, country, e164) => {
    const result = normalizePhone(input, country);
    expect(result).toMatchObject({ ok: true, phone: { e164 } });
  });

  it.each([
    ['', 'ES', 'empty'],
    ['hello', 'ES', 'not_a_number'],
    ['612345678', undefined, 'invalid_country'],
    ['12', 'GB', 'too_short'],
    ['+34 000 000 000', undefined, 'invalid'],
  ])('refuses %j (%s) as %s', (input, country, problem) => {
    expect(normalizePhone(input, country)).toEqual({ ok: false, problem });
  });

  it('a valid number normalises to itself when fed back in E.164 (idempotent)', () => {
    const samples = ['+34612345678', '+447400123456', '+5511961234567', '+919876543210', '+16505551234'];
    for (const e164 of samples) {
      const again = normalizePhone(e164);
      expect(again.ok && again.phone.e164).toBe(e164);
    }
  });
});

describe('toWaDigits and search keys', () => {
  it('never keeps a plus, spaces or leading zeros', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/), (raw) => {
        const digits = toWaDigits(raw);
        expect(digits).toMatch(/^([1-9][0-9]*)?$/);
      }),
    );
  });

  it('formats for people and matches differently typed numbers', () => {
    expect(formatPhone('+34612345678')).toBe('+34 612 34 56 78');
    expect(phoneSearchKey('+34 612-34-56-78')).toBe(phoneSearchKey('0034 612 345 678'));
  });
});
