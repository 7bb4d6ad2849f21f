import { OPTIN_POPUP_RUNTIME } from '../entry-points/runtime-bundles.generated';
import { scriptSnippetForms, type SnippetForms } from '../entry-points/snippet-common';
import { snippetConfig, type OptInSnippetInput } from './snippet-config';

/** Key under which the opt-in popup remembers (in the visitor's localStorage) when it was last shown. */
export function optInPopupStorageKey(code: string): string {
  return `od-optin-popup-${code}`;
}

/**
 * The opt-in popup (runtime: renderer/snippet-runtime/optin-popup.ts): the opt-in form in a modal dialog, shown by the
 * entry-point popup's triggers (delay, scroll depth, exit intent, frequency cap). Escape, the close button and the
 * backdrop close it; focus is trapped inside and given back. Pasting it twice shows one popup.
 */
export function optInPopupSnippetForms(input: OptInSnippetInput): SnippetForms {
  const base = snippetConfig(input);
  const popup = input.widget.popup ?? { delaySeconds: 5, scrollPercent: 0, exitIntent: false, frequencyCapDays: 7 };
  const config = {
    ...base,
    ref: base.code,
    key: optInPopupStorageKey(base.code),
    delay: Math.max(0, popup.delaySeconds),
    scroll: Math.min(100, Math.max(0, popup.scrollPercent)),
    exit: popup.exitIntent,
    capDays: Math.max(0, popup.frequencyCapDays),
    idle: 30,
  };
  return scriptSnippetForms({
    title: `WhatsApp opt-in popup (code ${base.code})`,
    fileStem: `outreach-desk-optin-${base.code}`,
    runtime: OPTIN_POPUP_RUNTIME,
    config,
  });
}

export function optInPopupSnippet(input: OptInSnippetInput): string {
  return optInPopupSnippetForms(input).inline;
}
