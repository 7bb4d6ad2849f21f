import { escapeHtml, jsonForScript } from './html';
import { refSuffix } from './ref-code';
import { BUBBLE_ICON_PATH, SNIPPET_NAMESPACE, assertSnippetInput, snippetColours } from './snippet-common';
import type { ButtonPosition } from './types';

/** Visible and accessible wording of the chat widget; pass translations for other languages. */
export interface ChatLabels {
  open: string;
  close: string;
  message: string;
  send: string;
  hours: string;
}

/** English chat widget wording. */
export const DEFAULT_CHAT_LABELS: ChatLabels = {
  open: 'Chat with us on WhatsApp',
  close: 'Close chat',
  message: 'Your message',
  send: 'Send on WhatsApp',
  hours: 'Opening hours',
};

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
  labels?: Partial<ChatLabels>;
}

/**
 * A paste-in `<script>` that shows a chat bubble; the panel greets the visitor with the shop's name and hours, and
 * sending the first message opens `https://wa.me/<digits>?text=<message (ref X)>` exactly as buildWaLink would with
 * appendRef(message, ref, 'chat'). An IIFE with one namespaced global; a second copy on the page does nothing.
 */
export function chatSnippet(input: ChatSnippetInput): string {
  assertSnippetInput(`https://wa.me/${input.digits}`, input.refCode);
  const labels = { ...DEFAULT_CHAT_LABELS, ...input.labels };
  const { background, text } = snippetColours(input.colour);
  const config = {
    ns: SNIPPET_NAMESPACE,
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
  return (
    `<!-- Outreach Desk: WhatsApp chat (ref ${input.refCode}) -->\n` +
    `<script>\n(function (cfg) {\n${CHAT_RUNTIME}\n})(${jsonForScript(config)});\n</script>\n` +
    `<noscript><a href="${escapeHtml(fallback)}" target="_blank" rel="noopener noreferrer">${escapeHtml(labels.open)}</a></noscript>\n`
  );
}

// Plain ES5 so it runs on old phones; builds the DOM with textContent, so visitor and owner text is never parsed as HTML.
const CHAT_RUNTIME = String.raw`
  'use strict';
  var ns = window[cfg.ns] = window[cfg.ns] || {};
  ns.loaded = ns.loaded || {};
  if (ns.loaded['chat:' + cfg.ref]) return;
  ns.loaded['chat:' + cfg.ref] = true;
  ns.seq = (ns.seq || 0) + 1;
  var uid = 'od-chat-' + ns.seq;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var CSS = '.od-chat{position:fixed;bottom:20px;z-index:2147483000;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a}' +
    '.od-chat-right{right:20px}.od-chat-left{left:20px}' +
    '.od-chat *{box-sizing:border-box}' +
    '.od-chat-launcher{display:flex;align-items:center;justify-content:center;width:60px;height:60px;border:0;border-radius:50%;cursor:pointer;box-shadow:0 3px 12px rgba(0,0,0,.3);padding:0;margin:0}' +
    '.od-chat-launcher svg{width:32px;height:32px;fill:currentColor}' +
    '.od-chat button:focus-visible,.od-chat textarea:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
    '.od-chat-panel{position:absolute;bottom:72px;width:320px;max-width:calc(100vw - 40px);background:#ffffff;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.3);overflow:hidden}' +
    '.od-chat-right .od-chat-panel{right:0}.od-chat-left .od-chat-panel{left:0}' +
    '.od-chat-panel[hidden]{display:none}' +
    '.od-chat-head{display:flex;align-items:flex-start;justify-content:space-between;gap:8px;padding:12px 14px}' +
    '.od-chat-title{margin:0;font-size:16px;font-weight:700}' +
    '.od-chat-hours{margin:2px 0 0;font-size:13px}' +
    '.od-chat-x{border:0;background:transparent;color:inherit;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px;min-width:32px;min-height:32px}' +
    '.od-chat-body{padding:14px;background:#efeae2}' +
    '.od-chat-greeting{margin:0 0 12px;padding:8px 12px;background:#ffffff;border-radius:0 10px 10px 10px;white-space:pre-wrap}' +
    '.od-chat-form{display:flex;flex-direction:column;gap:6px}' +
    '.od-chat-label{font-size:13px;font-weight:600}' +
    '.od-chat-input{width:100%;min-height:64px;resize:vertical;padding:8px;border:1px solid #6b6b6b;border-radius:8px;font:inherit;color:#1a1a1a;background:#ffffff}' +
    '.od-chat-send{align-self:flex-end;border:0;border-radius:999px;padding:8px 16px;font:inherit;font-weight:600;cursor:pointer;min-height:40px}' +
    '@media print{.od-chat{display:none}}';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function compose(message) {
    var body = message.replace(/\s+$/, '');
    if (!body) return cfg.suffix;
    if (body.slice(-cfg.suffix.length) === cfg.suffix) return body;
    return body + ' ' + cfg.suffix;
  }

  function openWhatsApp(message) {
    var url = 'https://wa.me/' + cfg.digits + '?text=' + encodeURIComponent(compose(message));
    var win = window.open(url, '_blank');
    if (win) {
      try { win.opener = null; } catch (e) { /* cross-origin already */ }
    } else {
      window.location.href = url;
    }
  }

  function build() {
    if (!document.getElementById('od-chat-style')) {
      var style = el('style');
      style.id = 'od-chat-style';
      style.textContent = CSS;
      (document.head || document.body).appendChild(style);
    }
    var root = el('div', 'od-chat od-chat-' + cfg.side);
    var panel = el('div', 'od-chat-panel');
    panel.id = uid + '-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', uid + '-title');

    var head = el('div', 'od-chat-head');
    head.style.background = cfg.bg;
    head.style.color = cfg.fg;
    var titles = el('div');
    var title = el('h2', 'od-chat-title', cfg.shop);
    title.id = uid + '-title';
    titles.appendChild(title);
    if (cfg.hours) titles.appendChild(el('p', 'od-chat-hours', cfg.labels.hours + ': ' + cfg.hours));
    var close = el('button', 'od-chat-x', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', cfg.labels.close);
    head.appendChild(titles);
    head.appendChild(close);

    var body = el('div', 'od-chat-body');
    if (cfg.greeting) body.appendChild(el('p', 'od-chat-greeting', cfg.greeting));
    var form = el('form', 'od-chat-form');
    var label = el('label', 'od-chat-label', cfg.labels.message);
    label.htmlFor = uid + '-input';
    var input = el('textarea', 'od-chat-input');
    input.id = uid + '-input';
    input.rows = 3;
    if (cfg.prefilled) input.placeholder = cfg.prefilled;
    var send = el('button', 'od-chat-send', cfg.labels.send);
    send.type = 'submit';
    send.style.background = cfg.bg;
    send.style.color = cfg.fg;
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    body.appendChild(form);
    panel.appendChild(head);
    panel.appendChild(body);

    var launcher = el('button', 'od-chat-launcher');
    launcher.type = 'button';
    launcher.style.background = cfg.bg;
    launcher.style.color = cfg.fg;
    launcher.setAttribute('aria-label', cfg.labels.open);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', panel.id);
    var svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(SVGNS, 'path');
    path.setAttribute('fill-rule', 'evenodd');
    path.setAttribute('d', cfg.icon);
    svg.appendChild(path);
    launcher.appendChild(svg);

    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    function setOpen(open) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) input.focus(); else launcher.focus();
    }
    launcher.addEventListener('click', function () { setOpen(panel.hidden); });
    close.addEventListener('click', function () { setOpen(false); });
    root.addEventListener('keydown', function (event) {
      if ((event.key === 'Escape' || event.key === 'Esc') && !panel.hidden) { event.stopPropagation(); setOpen(false); }
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); submit(); }
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); submit(); });
    function submit() {
      var message = input.value.replace(/\s+$/, '') ? input.value : cfg.prefilled;
      if (!message.replace(/\s+$/, '')) { input.focus(); return; }
      openWhatsApp(message);
      input.value = '';
    }
  }

  if (document.body) build();
  else document.addEventListener('DOMContentLoaded', build);
`;
