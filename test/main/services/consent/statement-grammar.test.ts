import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentPurpose } from '../../../../shared/domain/consent/event';
import { CONSENT_TEXT_KINDS, DEFAULT_TEXT_LOCALES } from '../../../../shared/domain/consent/texts';
import { OPT_IN_WIDGET_KINDS } from '../../../../shared/domain/opt-in/widget';
import { openHarness } from '../../../support/app-harness';

/**
 * Every statement the app renders, in every language, for every purpose choice and every place it is shown (counter
 * and kiosk with and without the customer's number, each widget kind, the SMS request, welcome, stop and help
 * replies): no doubled word, no article in front of a demonstrative, no placeholder left unfilled.
 */
const PURPOSE_CHOICES: ConsentPurpose[][] = [['marketing'], ['utility'], ['marketing', 'utility']];

/** Problems a reader would notice at once; empty when the sentence reads properly. */
function grammarProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[{}]/.test(text)) problems.push('unfilled placeholder');
  // Numbers and quoted keywords (STOP, SÍ) are not words of the sentence: "Reply STOP to stop" is fine; clauses
  // are compared on their own ("SÍ para confirmar, STOP para salir" repeats nothing).
  for (const clause of text.split(/[,.;:!?()।]+/u)) {
    const words = clause
      .split(/\s+/u)
      .filter((w) => w !== '' && !/^[+\d]/.test(w) && !/^\p{Lu}{2,}$/u.test(w))
      .map((w) => w.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= i + 2 && j < words.length; j++) {
        // Short function words repeat naturally ("de … de"); a content word twice in three is a composition slip.
        if (words[i] === words[j] && [...words[i]!].length > 2) problems.push(`"${words[i]}" repeated: …${words.slice(i, j + 1).join(' ')}…`);
      }
    }
  }
  const articleThenDemonstrative = /\b(el|la|los|las|o|a|os|as|pelo|pela|no|na|do|da)\s+(este|esta|esse|essa|this)\b/iu;
  const hit = articleThenDemonstrative.exec(text);
  if (hit) problems.push(`article before a demonstrative: "${hit[0]}"`);
  // Two coordinators inside one purpose list ("marketing and order and service") read as a stutter.
  if (/(^|\s)(and|y|e|और)\s+\S+\s+\2(\s|$)/iu.test(text)) problems.push('doubled conjunction in the purpose list');
  return problems;
}

describe('rendered consent statements read properly in every language', () => {
  let h: Awaited<ReturnType<typeof openHarness>>;
  beforeAll(async () => {
    h = await openHarness();
    const saved = await h.services.profile.save({ businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' });
    expect(saved).toBeTruthy();
  });
  afterAll(async () => h.close());

  it('catches the sentences the issue reported', () => {
    expect(grammarProblems('Sí, quiero recibir mensajes por WhatsApp en el este número.')).not.toEqual([]);
    expect(grammarProblems('Sim, quero receber no WhatsApp pelo número este número.')).not.toEqual([]);
    expect(grammarProblems('हाँ, मैं WhatsApp पर इस नंबर नंबर पर संदेश पाना चाहता हूँ।')).not.toEqual([]);
    expect(grammarProblems('Yes, I want to receive marketing messages from Café Sol on WhatsApp at this number.')).toEqual([]);
  });

  for (const locale of DEFAULT_TEXT_LOCALES) {
    it(`opt-in statement (${locale}): counter and kiosk, with and without the number, every purpose choice`, async () => {
      for (const purposes of PURPOSE_CHOICES) {
        for (const phone of [undefined, '600 11 22 33']) {
          const shown = await h.services.optIns.statement(purposes, locale, phone);
          expect(grammarProblems(shown.text), `${locale} ${purposes.join('+')} ${phone ?? 'no number'}: ${shown.text}`).toEqual([]);
        }
      }
    });

    it(`widget statements (${locale}): every widget kind and purpose choice`, async () => {
      for (const kind of OPT_IN_WIDGET_KINDS) {
        const widget = await h.services.widgets.create({ kind, name: `${kind} ${locale}`, purposes: ['marketing', 'utility'], locale });
        for (const [suffix, text] of Object.entries(widget.statements)) {
          expect(grammarProblems(text), `${locale} ${kind} ${suffix}: ${text}`).toEqual([]);
        }
      }
    });

    it(`SMS request, welcome, stop and help texts (${locale})`, async () => {
      for (const kind of CONSENT_TEXT_KINDS) {
        for (const purposes of PURPOSE_CHOICES) {
          const rendered = await h.services.texts.render(kind, locale, {
            business: 'Café Sol',
            purposes,
            phone: '+34 612 34 56 78',
            frequency: 'x4',
            description: 'ofertas',
          });
          expect(grammarProblems(rendered.text), `${locale} ${kind} ${purposes.join('+')}: ${rendered.text}`).toEqual([]);
        }
      }
    });
  }
});
