import { jsonForScript } from './html';
import { POPUP_MODAL_RUNTIME, POPUP_TRIGGERS_RUNTIME } from './popup-triggers';
import { SNIPPET_NAMESPACE, assertSnippetInput, snippetColours } from './snippet-common';

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
  labels?: Partial<PopupLabels>;
}

/** Key under which the popup remembers (in the visitor's localStorage) when it was last shown. */
export function popupStorageKey(refCode: string): string {
  return `od-popup-${refCode}`;
}

/**
 * A paste-in `<script>` for a modal popup inviting the visitor to chat on WhatsApp. Triggers: delay, scroll depth,
 * exit intent; a frequency cap per visitor; closes with Escape, the close button or the backdrop; traps and restores
 * focus; role=dialog with aria-modal and a label. No external requests; one namespaced global; safe to paste twice.
 */
export function popupSnippet(input: PopupSnippetInput): string {
  assertSnippetInput(input.url, input.refCode);
  const { background, text } = snippetColours(input.colour);
  const config = {
    ns: SNIPPET_NAMESPACE,
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
    labels: { close: 'Close', ...input.labels },
  };
  return (
    `<!-- Outreach Desk: WhatsApp popup (ref ${input.refCode}) -->\n` +
    `<script>\n(function (cfg) {\n${POPUP_RUNTIME}\n${POPUP_TRIGGERS_RUNTIME}\n${POPUP_MODAL_RUNTIME}\n})(${jsonForScript(config)});\n</script>\n`
  );
}

// Plain ES5; the DOM is built with textContent so owner text is never parsed as HTML.
const POPUP_RUNTIME = String.raw`
  'use strict';
  var ns = window[cfg.ns] = window[cfg.ns] || {};
  ns.loaded = ns.loaded || {};
  if (ns.loaded['popup:' + cfg.ref]) return;
  ns.loaded['popup:' + cfg.ref] = true;
  ns.seq = (ns.seq || 0) + 1;
  var uid = 'od-popup-' + ns.seq;
  var CSS = '.od-popup{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483001;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(0,0,0,.55);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.od-popup *{box-sizing:border-box}' +
    '.od-popup-dialog{position:relative;width:100%;max-width:380px;padding:28px 24px 24px;border-radius:14px;background:#ffffff;color:#1a1a1a;box-shadow:0 10px 40px rgba(0,0,0,.35);text-align:center}' +
    '.od-popup-title{margin:0 0 8px;padding:0 28px;font-size:21px;font-weight:700;line-height:1.25}' +
    '.od-popup-text{margin:0 0 18px;white-space:pre-wrap}' +
    '.od-popup-cta{display:inline-block;padding:12px 22px;border-radius:999px;font-weight:600;text-decoration:none;min-height:44px}' +
    '.od-popup-cta:hover{text-decoration:underline}' +
    '.od-popup-x{position:absolute;top:6px;right:6px;min-width:40px;min-height:40px;border:0;background:transparent;color:#1a1a1a;font-size:26px;line-height:1;cursor:pointer}' +
    '.od-popup a:focus-visible,.od-popup button:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
    '@media print{.od-popup{display:none}}';

  var shown = false;
  var modal = odPopupModal('a[href],button');
  var triggers = odPopupTriggers(cfg, ns, show, function () { return shown; });
  if (triggers.capped()) return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }




  function show() {
    if (shown || !document.body) return;
    shown = true;
    triggers.fired();
    if (!document.getElementById('od-popup-style')) {
      var style = el('style');
      style.id = 'od-popup-style';
      style.textContent = CSS;
      (document.head || document.body).appendChild(style);
    }
    var root = el('div', 'od-popup');
    modal.open(root);
    var dialog = el('div', 'od-popup-dialog');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', uid + '-title');
    var close = el('button', 'od-popup-x', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', cfg.labels.close);
    close.addEventListener('click', modal.hide);
    var title = el('h2', 'od-popup-title', cfg.headline);
    title.id = uid + '-title';
    dialog.appendChild(close);
    dialog.appendChild(title);
    if (cfg.message) {
      var text = el('p', 'od-popup-text', cfg.message);
      text.id = uid + '-text';
      dialog.setAttribute('aria-describedby', text.id);
      dialog.appendChild(text);
    }
    var cta = el('a', 'od-popup-cta', cfg.button);
    cta.href = cfg.url;
    cta.target = '_blank';
    cta.rel = 'noopener noreferrer';
    cta.style.background = cfg.bg;
    cta.style.color = cfg.fg;
    cta.addEventListener('click', function () { setTimeout(modal.hide, 0); });
    dialog.appendChild(cta);
    root.appendChild(dialog);
    document.body.appendChild(root);
    modal.trap();
    cta.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', triggers.arm);
  else triggers.arm();
`;
