import { escapeHtml } from './html';
import { refSuffix } from './ref-code';
import { CHAT_RUNTIME } from './runtime-bundles.generated';
import { BUBBLE_ICON_PATH, SNIPPET_NAMESPACE, assertSnippetInput, scriptSnippetForms, snippetColours, type SnippetForms } from './snippet-common';
import { CHAT_WORDS, snippetLang, type ChatLabels } from './snippet-words';
import type { ButtonPosition } from './types';

export type { ChatLabels } from './snippet-words';

/** English chat widget wording. */
export const DEFAULT_CHAT_LABELS: ChatLabels = CHAT_WORDS.en;

/** What the website chat widget needs. */
export interface ChatSnippetInput {
  /** wa.me digits of the shop (from waDigits). */
  digits: string;
  refCode: string;
  shopName: string;
  greeting: string;
  openingHours: string;
  /** Suggested first message, used when the visitor sends an empty box. */
  prefilledMessage: string;
  colour: string;
  position: ButtonPosition;
  /** The shop's language (en, es, pt, hi; 'pt-BR' works): the widget's own words are in it. Default English. */
  locale?: string;
  labels?: Partial<ChatLabels>;
}

/**
 * Both forms of the chat widget (runtime: renderer/snippet-runtime/chat.ts): a chat bubble whose panel greets the visitor with
 * the shop's name and hours; sending opens `https://wa.me/<digits>?text=<message (ref X)>` exactly as buildWaLink
 * would with appendRef(message, ref, 'chat'). A second copy on the page does nothing.
 */
export function chatSnippetForms(input: ChatSnippetInput): SnippetForms {
  assertSnippetInput(`https://wa.me/${input.digits}`, input.refCode);
  const lang = snippetLang(input.locale);
  const labels = { ...CHAT_WORDS[lang], ...input.labels };
  const { background, text } = snippetColours(input.colour);
  const config = {
    ns: SNIPPET_NAMESPACE,
    lang,
    ref: input.refCode,
    digits: input.digits,
    suffix: refSuffix(input.refCode),
    shop: input.shopName,
    greeting: input.greeting,
    hours: input.openingHours,
    prefilled: input.prefilledMessage,
    bg: background,
    fg: text,
    side: input.position === 'bottom-left' ? 'left' : 'right',
    labels,
    icon: BUBBLE_ICON_PATH,
  };
  const fallback = `https://wa.me/${input.digits}?text=${encodeURIComponent(refSuffix(input.refCode))}`;
  return scriptSnippetForms({
    title: `WhatsApp chat (ref ${input.refCode})`,
    fileStem: `outreach-desk-chat-${input.refCode}`,
    runtime: CHAT_RUNTIME,
    config,
    after: `<noscript><a href="${escapeHtml(fallback)}" target="_blank" rel="noopener noreferrer" lang="${lang}">${escapeHtml(labels.open)}</a></noscript>\n`,
  });
}

/** The one-paste (inline) form of the chat widget. */
export function chatSnippet(input: ChatSnippetInput): string {
  return chatSnippetForms(input).inline;
}
