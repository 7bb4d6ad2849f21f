import { describe, expect, it } from 'vitest';
import {
  addTextVersion,
  CONSENT_TEXT_KINDS,
  currentText,
  defaultConsentText,
  DEFAULT_TEXT_LOCALES,
  purposeLabel,
  renderConsentText,
  textHash,
  validateConsentTemplate,
} from '../../../../shared/domain/consent';

const vars = { business: 'Café Lola', purpose: 'marketing', phone: '+34 600 111 222', frequency: 'up to 4 messages a month', description: 'offers and new arrivals' };

describe('default texts', () => {
  it('exist for every kind and locale, name the business and render', () => {
    for (const locale of DEFAULT_TEXT_LOCALES) {
      for (const kind of CONSENT_TEXT_KINDS) {
        const text = defaultConsentText(kind, locale);
        expect(validateConsentTemplate(kind, text), `${kind}/${locale}`).toEqual([]);
        const rendered = renderConsentText({ kind, text }, { ...vars, purpose: purposeLabel('marketing', locale) });
        expect(rendered.ok && rendered.text.includes('Café Lola'), `${kind}/${locale}`).toBe(true);
        const keyword = kind === 'unsubscribed' ? /START/ : /STOP/;
        expect(rendered.ok && keyword.test(rendered.text), `${kind}/${locale} says how to stop (or rejoin)`).toBe(true);
      }
    }
  });

  it('uses the opt-in statement wording from consent.md', () => {
    const rendered = renderConsentText({ kind: 'optin_statement', text: defaultConsentText('optin_statement', 'en') }, vars);
    expect(rendered).toEqual({
      ok: true,
      text: 'Yes, I want to receive marketing messages from Café Lola on WhatsApp at +34 600 111 222. Reply STOP at any time to stop.',
    });
  });

  it('SMS request says business, what, how often, and how to confirm or stop', () => {
    const rendered = renderConsentText({ kind: 'sms_request', text: defaultConsentText('sms_request', 'en') }, vars);
    expect(rendered.ok).toBe(true);
    if (rendered.ok) {
      for (const part of ['Café Lola', 'offers and new arrivals', 'up to 4 messages a month', 'Reply YES to confirm, STOP to opt out']) {
        expect(rendered.text).toContain(part);
      }
    }
  });

  it('falls back to the base language, then English', () => {
    expect(defaultConsentText('help', 'pt-BR')).toBe(defaultConsentText('help', 'pt'));
    expect(defaultConsentText('help', 'sw')).toBe(defaultConsentText('help', 'en'));
    expect(purposeLabel('utility', 'es-MX')).toBe('avisos de pedidos');
  });
});

describe('renderConsentText', () => {
  it('fails clearly when an opt-in statement does not name the business', () => {
    const result = renderConsentText({ kind: 'optin_statement', text: 'Yes, send me offers at {phone}.' }, vars);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({ code: 'missing_business_placeholder' });
      expect(result.problems[0]?.message).toMatch(/must name the business: put \{business\} in it/);
    }
  });

  it('fails when a used variable is blank or a placeholder is unknown', () => {
    const text = defaultConsentText('optin_statement', 'en');
    const blank = renderConsentText({ kind: 'optin_statement', text }, { ...vars, business: '  ' });
    expect(blank).toEqual({
      ok: false,
      problems: [{ code: 'missing_variable', variable: 'business', message: 'The optin_statement text needs a value for {business} (the business name).' }],
    });
    const unknown = renderConsentText({ kind: 'welcome', text: '{business}: hi {name}' }, vars);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems).toContainEqual(expect.objectContaining({ code: 'unknown_placeholder', placeholder: 'name' }));
  });
});

describe('versioned texts', () => {
  const now = Date.parse('2025-05-01T10:00:00Z');

  it('creates version 1, then a new version only when the text changes', () => {
    const first = addTextVersion([], 'optin_statement', 'en', defaultConsentText('optin_statement', 'en'), now);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.current).toMatchObject({ kind: 'optin_statement', locale: 'en', version: 1, createdAt: '2025-05-01T10:00:00.000Z' });
    expect(first.current.hash).toBe(textHash(first.current.text));

    const same = addTextVersion(first.history, 'optin_statement', 'en', `  ${first.current.text}\r\n`, now + 1);
    expect(same.ok && same.created).toBe(false);
    expect(same.ok && same.history).toHaveLength(1);

    const edited = addTextVersion(first.history, 'optin_statement', 'en', 'Yes, {business} may message me at {phone}. Reply STOP to stop.', now + 2);
    expect(edited.ok && edited.created).toBe(true);
    if (!edited.ok) return;
    expect(edited.current.version).toBe(2);
    expect(first.history).toHaveLength(1);
    expect(currentText(edited.history, 'optin_statement', 'en')).toEqual(edited.current);
  });

  it('versions each kind and locale separately', () => {
    const a = addTextVersion([], 'help', 'en', '{business}: help', now);
    if (!a.ok) throw new Error('unexpected');
    const b = addTextVersion(a.history, 'help', 'es', '{business}: ayuda', now);
    if (!b.ok) throw new Error('unexpected');
    expect(b.current.version).toBe(1);
    expect(currentText(b.history, 'help', 'en')?.text).toBe('{business}: help');
    expect(currentText(b.history, 'welcome', 'en')).toBeUndefined();
  });

  it('refuses an empty text or one without the business name, leaving history untouched', () => {
    expect(addTextVersion([], 'welcome', 'en', '   ', now)).toEqual({ ok: false, problems: [{ code: 'empty_text', message: 'The welcome text is empty.' }] });
    const noBusiness = addTextVersion([], 'sms_request', 'en', 'Reply YES', now);
    expect(noBusiness.ok).toBe(false);
  });
});
