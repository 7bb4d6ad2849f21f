import { OPTIN_TOGGLE_RUNTIME, OPTIN_WIDGET_RUNTIME } from '../entry-points/runtime-bundles.generated';
import { scriptSnippetForms, type SnippetForms } from '../entry-points/snippet-common';
import { snippetConfig, type OptInSnippetInput } from './snippet-config';
import { optInPopupSnippetForms } from './optin-popup-snippet';

export type { OptInSnippetInput } from './snippet-config';

/**
 * The website opt-in widget (runtime: renderer/snippet-runtime/optin-inline.ts): the opt-in form where the snippet is pasted
 * inside `<body>` (purposes, the consent statement, agreement). Submitting opens WhatsApp with `JOIN <code>` typed,
 * so the customer's own message is the confirmation; no server of the shop's, no external request.
 */
export function optInWidgetSnippetForms(input: OptInSnippetInput): SnippetForms {
  const config = snippetConfig(input);
  return scriptSnippetForms({
    title: `WhatsApp opt-in form (code ${config.code}); paste it inside <body> where the form should appear`,
    fileStem: `outreach-desk-optin-${config.code}`,
    runtime: OPTIN_WIDGET_RUNTIME,
    config,
  });
}

/**
 * The in-app toggle for the shop's own account page: a switch "Get messages on WhatsApp" that reveals the same form
 * (the account already knows the customer; WhatsApp tells us the number that confirms).
 */
export function inAppToggleSnippetForms(input: OptInSnippetInput): SnippetForms {
  const config = snippetConfig(input);
  return scriptSnippetForms({
    title: `WhatsApp opt-in toggle (code ${config.code}); paste it inside <body> where the switch should appear`,
    fileStem: `outreach-desk-optin-${config.code}`,
    runtime: OPTIN_TOGGLE_RUNTIME,
    config,
  });
}

/** Both forms of the snippet for a widget of any kind. */
export function optInSnippetForms(input: OptInSnippetInput): SnippetForms {
  switch (input.widget.kind) {
    case 'web_popup':
      return optInPopupSnippetForms(input);
    case 'in_app_toggle':
      return inAppToggleSnippetForms(input);
    default:
      return optInWidgetSnippetForms(input);
  }
}

/** The one-paste (inline) snippet for a widget of any kind. */
export function optInSnippet(input: OptInSnippetInput): string {
  return optInSnippetForms(input).inline;
}

export function optInWidgetSnippet(input: OptInSnippetInput): string {
  return optInWidgetSnippetForms(input).inline;
}

export function inAppToggleSnippet(input: OptInSnippetInput): string {
  return inAppToggleSnippetForms(input).inline;
}
