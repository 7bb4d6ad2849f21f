import { SNIPPET_NAMESPACE, assertSnippetInput, snippetColours } from '../entry-points/snippet-common';
import { isValidWidgetCode } from './join-code';
import { snippetLang } from '../entry-points/snippet-words';
import type { OptInConfig } from '../snippet-runtime-config';
import { optInLabels, type OptInLabels } from './labels';
import { purposeCombinations, type OptInWidget } from './widget';

/** What every opt-in snippet needs: the registry entry and the shop's wa.me digits. */
export interface OptInSnippetInput {
  widget: Pick<OptInWidget, 'code' | 'kind' | 'purposes' | 'statements' | 'headline' | 'colour' | 'locale' | 'popup'>;
  /** wa.me digits of the shop (from waDigits). */
  digits: string;
  labels?: Partial<OptInLabels>;
}

/** The JSON config the runtime reads; refuses a widget whose code, number or statements are malformed. */
export function snippetConfig(input: OptInSnippetInput): OptInConfig {
  const { widget } = input;
  assertSnippetInput(`https://wa.me/${input.digits}`, undefined);
  if (!isValidWidgetCode(widget.code)) throw new Error(`Not a widget code: "${widget.code}".`);
  const combos = purposeCombinations(widget.purposes);
  if (combos.length === 0) throw new Error('An opt-in widget must offer at least one purpose.');
  for (const { suffix } of combos) {
    if (!widget.statements[suffix]?.trim()) throw new Error(`The widget has no consent statement for "${suffix}".`);
  }
  const { background, text } = snippetColours(widget.colour);
  return {
    ns: SNIPPET_NAMESPACE,
    lang: snippetLang(widget.locale),
    code: widget.code,
    digits: input.digits,
    // Utility first: order updates are what most customers come for; marketing is the extra.
    purposes: (['utility', 'marketing'] as const).filter((p) => widget.purposes.includes(p)),
    statements: Object.fromEntries(combos.map(({ suffix }) => [suffix, widget.statements[suffix]])),
    headline: widget.headline,
    bg: background,
    fg: text,
    labels: optInLabels(widget.locale, input.labels),
  };
}
