import type { PopupConfig } from '../../shared/domain/snippet-runtime-config';
import { el, namespace, scriptNonce, shadowHost, watchBlocked } from './dom';
import { popupModal } from './modal';
import { popupTriggers } from './triggers';

const CSS =
  '.od-popup{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483001;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(0,0,0,.55);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow:auto}' +
  '*{box-sizing:border-box}' +
  '.od-popup-dialog{position:relative;width:100%;max-width:380px;max-height:100%;overflow:auto;margin:auto;padding:28px 24px 24px;border-radius:14px;background:#ffffff;color:#1a1a1a;box-shadow:0 10px 40px rgba(0,0,0,.35);text-align:center}' +
  '.od-popup-title{margin:0 0 8px;padding:0 28px;font-size:21px;font-weight:700;line-height:1.25}' +
  '.od-popup-text{margin:0 0 18px;white-space:pre-wrap}' +
  '.od-popup-cta{display:inline-block;padding:12px 22px;border-radius:999px;font-weight:600;text-decoration:none;min-height:44px}' +
  '.od-popup-cta:hover{text-decoration:underline}' +
  '.od-popup-x{position:absolute;top:6px;right:6px;min-width:40px;min-height:40px;border:0;background:transparent;color:#1a1a1a;font-size:26px;line-height:1;cursor:pointer}' +
  'a:focus-visible,button:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}' +
  '@media print{.od-popup{display:none}}';

/**
 * A modal inviting the visitor to chat on WhatsApp, shown by its triggers (delay, scroll depth, exit intent) within a
 * frequency cap; never on top of another of our popups. One per ref on a page, however often it is pasted.
 */
export function runPopup(cfg: PopupConfig, here: HTMLScriptElement | null): void {
  const ns = namespace(cfg.ns);
  if (ns.loaded[`popup:${cfg.ref}`]) return;
  ns.loaded[`popup:${cfg.ref}`] = true;
  ns.seq += 1;
  const uid = `od-popup-${ns.seq}`;
  const nonce = scriptNonce(here);
  let shown = false;
  const modal = popupModal(ns, 'a[href],button');
  const triggers = popupTriggers(cfg, ns, show, () => shown);
  if (triggers.capped()) return;

  function show(): void {
    if (shown || !document.body) return;
    const { host, root: shadow } = shadowHost('popup', CSS, nonce);
    const overlay = el('div', 'od-popup');
    overlay.lang = cfg.lang;
    if (!modal.open(host, shadow, overlay)) return;
    shown = true;
    triggers.fired();
    const dialog = el('div', 'od-popup-dialog');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', `${uid}-title`);
    const close = el('button', 'od-popup-x', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', cfg.labels.close);
    close.addEventListener('click', modal.hide);
    const title = el('h2', 'od-popup-title', cfg.headline);
    title.id = `${uid}-title`;
    dialog.append(close, title);
    if (cfg.message) {
      const text = el('p', 'od-popup-text', cfg.message);
      text.id = `${uid}-text`;
      dialog.setAttribute('aria-describedby', text.id);
      dialog.appendChild(text);
    }
    const cta = el('a', 'od-popup-cta', cfg.button);
    cta.href = cfg.url;
    cta.target = '_blank';
    cta.rel = 'noopener noreferrer';
    cta.style.background = cfg.bg;
    cta.style.color = cfg.fg;
    cta.addEventListener('click', () => setTimeout(modal.hide, 0));
    dialog.appendChild(cta);
    overlay.appendChild(dialog);
    shadow.appendChild(overlay);
    document.body.appendChild(host);
    watchBlocked(ns, host, shadow);
    cta.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', triggers.arm);
  else triggers.arm();
}
