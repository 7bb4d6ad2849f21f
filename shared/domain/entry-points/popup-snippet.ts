import { POPUP_RUNTIME } from './runtime-bundles.generated';
import { SNIPPET_NAMESPACE, assertSnippetInput, scriptSnippetForms, snippetColours, type SnippetForms } from './snippet-common';
import { POPUP_WORDS, snippetLang } from './snippet-words';

/** Accessible wording of the popup; pass translations for other languages. */
export interface PopupLabels {
  close: string;
}

/** What the website popup needs. */
export interface PopupSnippetInput {
  /** The exact wa.me link (from entryPointLink). */
  url: string;
  refCode: string;
  headline: string;
  message: string;
  buttonLabel: string;
  colour: string;
  /** Show after this many seconds on the page; 0 = off. */
  delaySeconds: number;
  /** Show once the visitor has scrolled this far down (0–100 % of the scrollable height); 0 = off. */
  scrollPercent: number;
  /** Desktop: pointer leaves through the top of the window. Touch devices: back button or idle. */
  exitIntent: boolean;
  /** After showing, stay hidden for this visitor for N days (localStorage); 0 = show on every page view. */
  frequencyCapDays: number;
  /** Idle time that counts as exit intent on touch devices. */
  idleSeconds?: number;
  /** The shop's language (en, es, pt, hi): the popup's own words are in it. Default English. */
  locale?: string;
  labels?: Partial<PopupLabels>;
}

/** Key under which the popup remembers (in the visitor's localStorage) when it was last shown. */
export function popupStorageKey(refCode: string): string {
  return `od-popup-${refCode}`;
}

/**
 * Both forms of the popup (runtime: renderer/snippet-runtime/popup.ts): a modal inviting the visitor to chat on WhatsApp.
 * Triggers: delay, scroll depth, exit intent; a frequency cap per visitor; closes with Escape, the close button or
 * the backdrop; traps and restores focus; never stacks on another of our popups; safe to paste twice.
 */
export function popupSnippetForms(input: PopupSnippetInput): SnippetForms {
  assertSnippetInput(input.url, input.refCode);
  const lang = snippetLang(input.locale);
  const { background, text } = snippetColours(input.colour);
  const config = {
    ns: SNIPPET_NAMESPACE,
    lang,
    ref: input.refCode,
    key: popupStorageKey(input.refCode),
    url: input.url,
    headline: input.headline,
    message: input.message,
    button: input.buttonLabel,
    bg: background,
    fg: text,
    delay: Math.max(0, input.delaySeconds),
    scroll: Math.min(100, Math.max(0, input.scrollPercent)),
    exit: input.exitIntent,
    capDays: Math.max(0, input.frequencyCapDays),
    idle: Math.max(1, input.idleSeconds ?? 30),
    labels: { ...POPUP_WORDS[lang], ...input.labels },
  };
  return scriptSnippetForms({
    title: `WhatsApp popup (ref ${input.refCode})`,
    fileStem: `outreach-desk-popup-${input.refCode}`,
    runtime: POPUP_RUNTIME,
    config,
  });
}

/** The one-paste (inline) form of the popup. */
export function popupSnippet(input: PopupSnippetInput): string {
  return popupSnippetForms(input).inline;
}
