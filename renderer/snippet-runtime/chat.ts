import type { ChatConfig } from '../../shared/domain/snippet-runtime-config';
import { el, namespace, openUrl, scriptNonce, shadowHost, waUrl, watchBlocked, whenBody } from './dom';

const CSS =
  '.od-chat{position:fixed;bottom:20px;z-index:2147483000;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;text-align:left}' +
  '.od-chat-right{right:20px}.od-chat-left{left:20px}' +
  '*{box-sizing:border-box}' +
  '.od-chat-launcher{display:flex;align-items:center;justify-content:center;width:60px;height:60px;border:0;border-radius:50%;cursor:pointer;box-shadow:0 3px 12px rgba(0,0,0,.3);padding:0;margin:0}' +
  '.od-chat-launcher svg{width:32px;height:32px;fill:currentColor}' +
  'button:focus-visible,textarea:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
  // Never wider or taller than the screen, whatever the page does to its own layout.
  '.od-chat-panel{position:absolute;bottom:72px;width:320px;max-width:calc(100vw - 40px);max-height:calc(100vh - 112px);overflow:auto;background:#ffffff;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.3)}' +
  '.od-chat-right .od-chat-panel{right:0}.od-chat-left .od-chat-panel{left:0}' +
  '[hidden]{display:none!important}' +
  '.od-chat-head{display:flex;align-items:flex-start;justify-content:space-between;gap:8px;padding:12px 14px}' +
  '.od-chat-title{margin:0;font-size:16px;font-weight:700}' +
  '.od-chat-hours{margin:2px 0 0;font-size:13px}' +
  '.od-chat-x{border:0;background:transparent;color:inherit;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px;min-width:32px;min-height:32px}' +
  '.od-chat-body{padding:14px;background:#efeae2}' +
  '.od-chat-greeting{margin:0 0 12px;padding:8px 12px;background:#ffffff;border-radius:0 10px 10px 10px;white-space:pre-wrap}' +
  '.od-chat-form{display:flex;flex-direction:column;gap:6px;margin:0}' +
  '.od-chat-label{font-size:13px;font-weight:600}' +
  '.od-chat-input{display:block;width:100%;min-height:64px;resize:vertical;padding:8px;border:1px solid #6b6b6b;border-radius:8px;font:inherit;color:#1a1a1a;background:#ffffff}' +
  '.od-chat-send{align-self:flex-end;border:0;border-radius:999px;padding:8px 16px;font:inherit;font-weight:600;cursor:pointer;min-height:40px}' +
  '@media print{.od-chat{display:none}}';

/** The visitor's message with the ref appended once: exactly appendRef(message, ref, 'chat'). */
export function composeChatMessage(message: string, suffix: string): string {
  const body = message.replace(/\s+$/, '');
  if (!body) return suffix;
  if (body.slice(-suffix.length) === suffix) return body;
  return `${body} ${suffix}`;
}

/**
 * The chat bubble and its panel: the shop's name, hours and greeting, a message box, and Send, which opens
 * `https://wa.me/<digits>?text=<message (ref X)>`. One per ref on a page, however often it is pasted.
 */
export function runChat(cfg: ChatConfig, here: HTMLScriptElement | null): void {
  const ns = namespace(cfg.ns);
  if (ns.loaded[`chat:${cfg.ref}`]) return;
  ns.loaded[`chat:${cfg.ref}`] = true;
  ns.seq += 1;
  const uid = `od-chat-${ns.seq}`;
  const nonce = scriptNonce(here);

  function build(): void {
    const { host, root: shadow } = shadowHost('chat', CSS, nonce);
    const root = el('div', `od-chat od-chat-${cfg.side}`);
    root.lang = cfg.lang;
    const panel = el('div', 'od-chat-panel');
    panel.id = `${uid}-panel`;
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', `${uid}-title`);

    const head = el('div', 'od-chat-head');
    head.style.background = cfg.bg;
    head.style.color = cfg.fg;
    const titles = el('div');
    const title = el('h2', 'od-chat-title', cfg.shop);
    title.id = `${uid}-title`;
    titles.appendChild(title);
    if (cfg.hours) titles.appendChild(el('p', 'od-chat-hours', `${cfg.labels.hours}: ${cfg.hours}`));
    const close = el('button', 'od-chat-x', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', cfg.labels.close);
    head.append(titles, close);

    const body = el('div', 'od-chat-body');
    if (cfg.greeting) body.appendChild(el('p', 'od-chat-greeting', cfg.greeting));
    const form = el('form', 'od-chat-form');
    const label = el('label', 'od-chat-label', cfg.labels.message);
    label.htmlFor = `${uid}-input`;
    const input = el('textarea', 'od-chat-input');
    input.id = `${uid}-input`;
    input.rows = 3;
    input.dir = 'auto';
    if (cfg.prefilled) input.placeholder = cfg.prefilled;
    const send = el('button', 'od-chat-send', cfg.labels.send);
    send.type = 'submit';
    send.style.background = cfg.bg;
    send.style.color = cfg.fg;
    form.append(label, input, send);
    body.appendChild(form);
    panel.append(head, body);

    const launcher = el('button', 'od-chat-launcher');
    launcher.type = 'button';
    launcher.style.background = cfg.bg;
    launcher.style.color = cfg.fg;
    launcher.setAttribute('aria-label', cfg.labels.open);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', panel.id);
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '32');
    svg.setAttribute('height', '32');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('fill-rule', 'evenodd');
    path.setAttribute('d', cfg.icon);
    svg.appendChild(path);
    launcher.appendChild(svg);

    // A landmark of its own, so screen-reader users find it from the landmarks list like the page's own regions.
    const region = el('aside');
    region.setAttribute('aria-label', cfg.labels.open);
    region.append(panel, launcher);
    root.appendChild(region);
    shadow.appendChild(root);
    document.body.appendChild(host);
    watchBlocked(ns, host, shadow);

    function setOpen(open: boolean): void {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) input.focus();
      else launcher.focus();
    }
    function submit(): void {
      const message = input.value.replace(/\s+$/, '') ? input.value : cfg.prefilled;
      if (!message.replace(/\s+$/, '')) {
        input.focus();
        return;
      }
      openUrl(waUrl(cfg.digits, composeChatMessage(message, cfg.suffix)));
      input.value = '';
    }
    launcher.addEventListener('click', () => setOpen(panel.hidden));
    close.addEventListener('click', () => setOpen(false));
    root.addEventListener('keydown', (event) => {
      if ((event.key === 'Escape' || event.key === 'Esc') && !panel.hidden) {
        event.stopPropagation();
        setOpen(false);
      }
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
  }

  whenBody(build);
}
