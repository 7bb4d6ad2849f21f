import type { OptInPopupConfig } from '../../shared/domain/snippet-runtime-config';
import { el, namespace, scriptNonce, shadowHost, watchBlocked } from './dom';
import { popupModal } from './modal';
import { OPTIN_CSS, optInForm } from './optin-form';
import { popupTriggers } from './triggers';

const POPUP_CSS =
  '.od-optin-popup{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483001;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(0,0,0,.55);overflow:auto}' +
  '.od-optin-popup .od-optin{position:relative;width:100%;margin:auto;max-height:100%;overflow:auto;box-shadow:0 10px 40px rgba(0,0,0,.35)}' +
  '.od-optin-popup .od-optin-title{padding-right:36px}' +
  '.od-optin-x{position:absolute;top:6px;right:6px;min-width:40px;min-height:40px;border:0;background:transparent;color:#1a1a1a;font-size:26px;line-height:1;cursor:pointer}' +
  '.od-optin-x:focus-visible{outline:3px solid #111111;outline-offset:2px}' +
  '@media print{.od-optin-popup{display:none}}';

/** The opt-in form in a modal, shown by the popup triggers; pasting it twice shows one popup, never two stacked. */
export function runOptInPopup(cfg: OptInPopupConfig, here: HTMLScriptElement | null): void {
  const ns = namespace(cfg.ns);
  if (ns.loaded[`optin-popup:${cfg.code}`]) return;
  ns.loaded[`optin-popup:${cfg.code}`] = true;
  ns.seq += 1;
  const uid = `od-optin-${ns.seq}`;
  const nonce = scriptNonce(here);
  let shown = false;
  const modal = popupModal(ns, 'a[href],button,input,select,textarea');
  const triggers = popupTriggers(cfg, ns, show, () => shown);
  if (triggers.capped()) return;

  function show(): void {
    if (shown || !document.body) return;
    const { host, root: shadow } = shadowHost('optin-popup', OPTIN_CSS + POPUP_CSS, nonce);
    const overlay = el('div', 'od-optin-popup');
    overlay.lang = cfg.lang;
    if (!modal.open(host, shadow, overlay)) return;
    shown = true;
    triggers.fired();
    const dialog = el('div', 'od-optin');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', `${uid}-title`);
    const close = el('button', 'od-optin-x', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', cfg.labels.close);
    close.addEventListener('click', modal.hide);
    const title = el('h2', 'od-optin-title', cfg.headline);
    title.id = `${uid}-title`;
    const built = optInForm(cfg, uid);
    dialog.append(close, title, built.form);
    overlay.appendChild(dialog);
    shadow.appendChild(overlay);
    document.body.appendChild(host);
    watchBlocked(ns, host, shadow);
    built.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', triggers.arm);
  else triggers.arm();
}
