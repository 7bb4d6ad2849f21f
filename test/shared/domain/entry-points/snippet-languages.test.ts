import { describe, expect, it } from 'vitest';
import { chatSnippetForms } from '../../../../shared/domain/entry-points/chat-snippet';
import { popupSnippetForms } from '../../../../shared/domain/entry-points/popup-snippet';
import { CHAT_WORDS, POPUP_WORDS, SNIPPET_LANGS, snippetLang } from '../../../../shared/domain/entry-points/snippet-words';
import { optInLabels } from '../../../../shared/domain/opt-in/labels';
import { optInSnippetForms } from '../../../../shared/domain/opt-in/optin-snippets';

const chat = (locale: string) =>
  chatSnippetForms({
    digits: '34612345678',
    refCode: 'A7K2',
    shopName: 'Café Sol',
    greeting: '¡Hola!',
    openingHours: '9–18',
    prefilledMessage: 'Hola',
    colour: '#075E54',
    position: 'bottom-right',
    locale,
  }).inline;
const popup = (locale: string) =>
  popupSnippetForms({
    url: 'https://wa.me/34612345678?text=Hola',
    refCode: 'A7K2',
    headline: '¿Preguntas?',
    message: 'Escríbenos',
    buttonLabel: 'Abrir WhatsApp',
    colour: '#25D366',
    delaySeconds: 1,
    scrollPercent: 0,
    exitIntent: false,
    frequencyCapDays: 0,
    locale,
  }).inline;
const optIn = (locale: string, kind: 'web_widget' | 'web_popup' | 'in_app_toggle') =>
  optInSnippetForms({
    widget: { code: 'K7M2Q', kind, purposes: ['utility', 'marketing'], statements: { U: 'u', M: 'm', B: 'b' }, headline: 'h', colour: '#25D366', locale },
    digits: '34612345678',
  }).inline;

/** Every English word the widgets themselves say (the owner's own texts are theirs). */
const ENGLISH = [
  ...Object.values(CHAT_WORDS.en),
  ...Object.values(POPUP_WORDS.en),
  ...Object.values(optInLabels('en')).filter((text) => !/^\{|WhatsApp$/.test(text)),
];

describe('snippets in the shop’s language', () => {
  it('maps shop locales to the four shipped languages', () => {
    expect(['es-MX', 'pt-BR', 'hi', 'en-GB', 'fr', undefined].map(snippetLang)).toEqual(['es', 'pt', 'hi', 'en', 'en', 'en']);
  });

  for (const lang of SNIPPET_LANGS.filter((l) => l !== 'en')) {
    it(`leaves no English in the ${lang} chat, popup and opt-in snippets`, () => {
      const snippets = [chat(lang), popup(lang), optIn(lang, 'web_widget'), optIn(lang, 'web_popup'), optIn(lang, 'in_app_toggle')];
      for (const snippet of snippets) {
        const leftovers = ENGLISH.filter((text) => snippet.includes(JSON.stringify(text).slice(1, -1)));
        expect(leftovers, snippet.slice(0, 60)).toEqual([]);
        expect(snippet).toContain(`"lang":"${lang}"`);
      }
      expect(chat(lang)).toContain(CHAT_WORDS[lang].send.replace(/[^\x20-\x7e]/g, '').slice(0, 3));
    });
  }

  it('translates every opt-in label in every language', () => {
    const en = optInLabels('en');
    for (const lang of ['es', 'pt', 'hi']) {
      const labels = optInLabels(lang);
      expect(Object.keys(labels)).toEqual(Object.keys(en));
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        if (key === 'submit' || key === 'toggle') continue; // may legitimately share "WhatsApp"
        expect(labels[key], `${lang}.${key}`).not.toBe(en[key]);
      }
      expect(labels.sent).toContain('{message}');
    }
  });
});
