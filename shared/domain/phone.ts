import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  ParseError,
  type CountryCode,
} from 'libphonenumber-js';

/** Why a phone number was refused; the UI maps each reason to a sentence. */
export type PhoneProblem =
  | 'empty'
  | 'not_a_number'
  | 'invalid_country'
  | 'too_short'
  | 'too_long'
  | 'invalid';

/** A phone number that passed validation, in every shape the app needs. */
export interface NormalizedPhone {
  e164: string;
  country: CountryCode | undefined;
  international: string;
  national: string;
}

export type PhoneResult = { ok: true; phone: NormalizedPhone } | { ok: false; problem: PhoneProblem };

/** True for a two-letter country code that the phone library knows. */
export function isCountryCode(value: string): value is CountryCode {
  return (getCountries() as string[]).includes(value);
}

/**
 * Parses what a person typed (any spacing, brackets, dashes, national or international form) into E.164.
 * A number without a country code takes the default country: never let the Cloud API guess it.
 */
export function normalizePhone(input: string, defaultCountry?: string): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!/\d/.test(text)) return { ok: false, problem: 'not_a_number' };
  const country = defaultCountry && isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const international = text.startsWith('+') || text.startsWith('00');
  if (!international && !country) return { ok: false, problem: 'invalid_country' };
  try {
    const withPlus = text.startsWith('00') ? `+${text.slice(2)}` : text;
    const parsed = parsePhoneNumberWithError(withPlus, country);
    if (!parsed.isValid()) {
      const length = validatePhoneNumberLength(withPlus, country);
      return { ok: false, problem: length === 'TOO_SHORT' || length === 'TOO_LONG' ? parseProblem(length) : 'invalid' };
    }
    return {
      ok: true,
      phone: {
        e164: parsed.number,
        country: parsed.country,
        international: parsed.formatInternational(),
        national: parsed.formatNational(),
      },
    };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: parseProblem(error.message) };
    throw error;
  }
}

function parseProblem(message: string): PhoneProblem {
  switch (message) {
    case 'INVALID_COUNTRY':
      return 'invalid_country';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    case 'NOT_A_NUMBER':
      return 'not_a_number';
    default:
      return 'invalid';
  }
}

/** The E.164 number as wa.me and the Cloud API want it: digits only, no plus, no leading zeros. */
export function toWaDigits(e164: string): string {
  return e164.replace(/\D/g, '').replace(/^0+/, '');
}

/** Human formatting of a stored E.164 number (falls back to the input when it does not parse). */
export function formatPhone(e164: string): string {
  const result = normalizePhone(e164);
  return result.ok ? result.phone.international : e164;
}

/** Digits only, for matching a search query against stored numbers typed in any format. */
export function phoneSearchKey(input: string): string {
  return input.replace(/\D/g, '').replace(/^00/, '');
}

/** Countries for the picker: code, calling code and a display name in the given locale. */
export function listCountries(locale: string): { code: CountryCode; callingCode: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return getCountries()
    .map((code) => ({ code, callingCode: getCountryCallingCode(code), name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
