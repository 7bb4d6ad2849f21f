import { jsonForScript } from '../entry-points/html';
import { OPTIN_FORM_RUNTIME } from './form-runtime';
import { snippetConfig, type OptInSnippetInput } from './snippet-config';
import { optInPopupSnippet } from './optin-popup-snippet';

export type { OptInSnippetInput } from './snippet-config';

/**
 * The website opt-in widget: a paste-in `<script>` that puts the opt-in form where it is pasted (phone, purposes,
 * the consent statement, agreement). Submitting opens WhatsApp with `JOIN <code>` typed, so the customer's own
 * message is the confirmation; no server of the shop's, no external request, one namespaced global.
 */
export function optInWidgetSnippet(input: OptInSnippetInput): string {
  const config = snippetConfig(input);
  return (
    `<!-- Outreach Desk: WhatsApp opt-in form (code ${config.code}) -->\n` +
    `<script>\n(function (cfg, here) {\n${INLINE_RUNTIME}\n${OPTIN_FORM_RUNTIME}\n})(${jsonForScript(config)}, document.currentScript);\n</script>\n`
  );
}

/**
 * The in-app toggle for the shop's own account page: a switch "Get messages on WhatsApp" that reveals the same form
 * without the phone field (the account already knows the customer; WhatsApp tells us the number that confirms).
 */
export function inAppToggleSnippet(input: OptInSnippetInput): string {
  const config = snippetConfig(input);
  return (
    `<!-- Outreach Desk: WhatsApp opt-in toggle (code ${config.code}) -->\n` +
    `<script>\n(function (cfg, here) {\n${TOGGLE_RUNTIME}\n${OPTIN_FORM_RUNTIME}\n})(${jsonForScript(config)}, document.currentScript);\n</script>\n`
  );
}

/** The snippet for a widget of any kind. */
export function optInSnippet(input: OptInSnippetInput): string {
  switch (input.widget.kind) {
    case 'web_popup':
      return optInPopupSnippet(input);
    case 'in_app_toggle':
      return inAppToggleSnippet(input);
    default:
      return optInWidgetSnippet(input);
  }
}

// Each copy is its own form (a page may carry one at the top and one at the bottom), with its own ids.
const INLINE_RUNTIME = String.raw`
  'use strict';
  var ns = window[cfg.ns] = window[cfg.ns] || {};
  ns.seq = (ns.seq || 0) + 1;
  var uid = 'od-optin-' + ns.seq;
  function mount() {
    odOptInStyle();
    var box = document.createElement('section');
    box.className = 'od-optin';
    box.setAttribute('aria-labelledby', uid + '-title');
    var title = document.createElement('h2');
    title.className = 'od-optin-title';
    title.id = uid + '-title';
    title.textContent = cfg.headline;
    box.appendChild(title);
    box.appendChild(odOptInForm(cfg, uid, true).form);
    if (here && here.parentNode) here.parentNode.insertBefore(box, here);
    else document.body.appendChild(box);
  }
  if (here || document.readyState !== 'loading') mount();
  else document.addEventListener('DOMContentLoaded', mount);
`;

const TOGGLE_RUNTIME = String.raw`
  'use strict';
  var ns = window[cfg.ns] = window[cfg.ns] || {};
  ns.seq = (ns.seq || 0) + 1;
  var uid = 'od-optin-' + ns.seq;
  function mount() {
    odOptInStyle();
    var box = document.createElement('section');
    box.className = 'od-optin od-optin-toggle';
    box.setAttribute('aria-labelledby', uid + '-title');
    var title = document.createElement('h2');
    title.className = 'od-optin-title';
    title.id = uid + '-title';
    title.textContent = cfg.headline;
    box.appendChild(title);
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'od-optin-switch';
    toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', 'false');
    toggle.setAttribute('aria-controls', uid + '-panel');
    var knob = document.createElement('span');
    knob.className = 'od-optin-knob';
    knob.setAttribute('aria-hidden', 'true');
    var label = document.createElement('span');
    label.textContent = cfg.labels.toggle;
    toggle.appendChild(knob);
    toggle.appendChild(label);
    box.appendChild(toggle);
    var panel = document.createElement('div');
    panel.id = uid + '-panel';
    panel.hidden = true;
    var built = odOptInForm(cfg, uid, false);
    panel.appendChild(built.form);
    box.appendChild(panel);
    toggle.addEventListener('click', function () {
      var on = toggle.getAttribute('aria-checked') !== 'true';
      toggle.setAttribute('aria-checked', on ? 'true' : 'false');
      panel.hidden = !on;
      if (on) built.focus();
    });
    if (here && here.parentNode) here.parentNode.insertBefore(box, here);
    else document.body.appendChild(box);
  }
  if (here || document.readyState !== 'loading') mount();
  else document.addEventListener('DOMContentLoaded', mount);
`;
