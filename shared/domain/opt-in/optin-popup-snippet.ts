import { jsonForScript } from '../entry-points/html';
import { POPUP_MODAL_RUNTIME, POPUP_TRIGGERS_RUNTIME } from '../entry-points/popup-triggers';
import { OPTIN_FORM_RUNTIME } from './form-runtime';
import { snippetConfig, type OptInSnippetInput } from './snippet-config';

/** Key under which the opt-in popup remembers (in the visitor's localStorage) when it was last shown. */
export function optInPopupStorageKey(code: string): string {
  return `od-optin-popup-${code}`;
}

/**
 * The opt-in popup: the opt-in form in a modal dialog, shown by the entry-point popup's triggers (delay, scroll
 * depth, exit intent, frequency cap; see popup-triggers.ts). Escape, the close button and the backdrop close it;
 * focus is trapped inside and given back. Pasting it twice shows one popup.
 */
export function optInPopupSnippet(input: OptInSnippetInput): string {
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
  return (
    `<!-- Outreach Desk: WhatsApp opt-in popup (code ${base.code}) -->\n` +
    `<script>\n(function (cfg) {\n${RUNTIME}\n${OPTIN_FORM_RUNTIME}\n${POPUP_TRIGGERS_RUNTIME}\n${POPUP_MODAL_RUNTIME}\n})(${jsonForScript(config)});\n</script>\n`
  );
}

const RUNTIME = String.raw`
  'use strict';
  var ns = window[cfg.ns] = window[cfg.ns] || {};
  ns.loaded = ns.loaded || {};
  if (ns.loaded['optin-popup:' + cfg.code]) return;
  ns.loaded['optin-popup:' + cfg.code] = true;
  ns.seq = (ns.seq || 0) + 1;
  var uid = 'od-optin-' + ns.seq;
  var CSS = '.od-optin-popup{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483001;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(0,0,0,.55);overflow:auto}' +
    '.od-optin-popup .od-optin{position:relative;width:100%;margin:auto;max-height:100%;overflow:auto;box-shadow:0 10px 40px rgba(0,0,0,.35)}' +
    '.od-optin-popup .od-optin-title{padding-right:36px}' +
    '.od-optin-x{position:absolute;top:6px;right:6px;min-width:40px;min-height:40px;border:0;background:transparent;color:#1a1a1a;font-size:26px;line-height:1;cursor:pointer}' +
    '.od-optin-x:focus-visible{outline:3px solid #111111;outline-offset:2px}' +
    '@media print{.od-optin-popup{display:none}}';

  var shown = false;
  var modal = odPopupModal('a[href],button,input,select,textarea');
  var triggers = odPopupTriggers(cfg, ns, show, function () { return shown; });
  if (triggers.capped()) return;

  function show() {
    if (shown || !document.body) return;
    shown = true;
    triggers.fired();
    odOptInStyle();
    if (!document.getElementById('od-optin-popup-style')) {
      var style = document.createElement('style');
      style.id = 'od-optin-popup-style';
      style.textContent = CSS;
      (document.head || document.body).appendChild(style);
    }
    var root = document.createElement('div');
    root.className = 'od-optin-popup';
    modal.open(root);
    var dialog = document.createElement('div');
    dialog.className = 'od-optin';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', uid + '-title');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'od-optin-x';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', cfg.labels.close);
    close.addEventListener('click', modal.hide);
    var title = document.createElement('h2');
    title.className = 'od-optin-title';
    title.id = uid + '-title';
    title.textContent = cfg.headline;
    var built = odOptInForm(cfg, uid, true);
    dialog.appendChild(close);
    dialog.appendChild(title);
    dialog.appendChild(built.form);
    root.appendChild(dialog);
    document.body.appendChild(root);
    modal.trap();
    built.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', triggers.arm);
  else triggers.arm();
`;
