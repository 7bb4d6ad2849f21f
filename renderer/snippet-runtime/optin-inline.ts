import type { OptInConfig } from '../../shared/domain/snippet-runtime-config';
import { el, mountInline, namespace, scriptNonce, shadowHost, watchBlocked } from './dom';
import { OPTIN_CSS, optInForm } from './optin-form';

/** A titled section holding the widget, inside its own shadow host. */
function section(cfg: OptInConfig, uid: string, nonce: string, extraClass = ''): { host: HTMLElement; shadow: ShadowRoot; box: HTMLElement } {
  const { host, root: shadow } = shadowHost('optin', OPTIN_CSS, nonce);
  const box = el('section', `od-optin${extraClass}`);
  box.lang = cfg.lang;
  box.setAttribute('aria-labelledby', `${uid}-title`);
  const title = el('h2', 'od-optin-title', cfg.headline);
  title.id = `${uid}-title`;
  box.appendChild(title);
  shadow.appendChild(box);
  return { host, shadow, box };
}

/**
 * The opt-in form where the snippet is pasted. Each copy is its own form (a page may carry one at the top and one
 * at the bottom), with its own ids; pasted into `<head>`, it shows at the end of the page and says so in the console.
 */
export function runOptInWidget(cfg: OptInConfig, here: HTMLScriptElement | null): void {
  const ns = namespace(cfg.ns);
  ns.seq += 1;
  const uid = `od-optin-${ns.seq}`;
  const nonce = scriptNonce(here);
  mountInline(ns, here, () => {
    const { host, shadow, box } = section(cfg, uid, nonce);
    box.appendChild(optInForm(cfg, uid).form);
    queueMicrotask(() => watchBlocked(ns, host, shadow));
    return host;
  });
}

/** The account-page switch "Get messages on WhatsApp" that reveals the same form. */
export function runOptInToggle(cfg: OptInConfig, here: HTMLScriptElement | null): void {
  const ns = namespace(cfg.ns);
  ns.seq += 1;
  const uid = `od-optin-${ns.seq}`;
  const nonce = scriptNonce(here);
  mountInline(ns, here, () => {
    const { host, shadow, box } = section(cfg, uid, nonce, ' od-optin-toggle');
    const toggle = el('button', 'od-optin-switch');
    toggle.type = 'button';
    toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', 'false');
    toggle.setAttribute('aria-controls', `${uid}-panel`);
    const knob = el('span', 'od-optin-knob');
    knob.setAttribute('aria-hidden', 'true');
    toggle.append(knob, el('span', '', cfg.labels.toggle));
    box.appendChild(toggle);
    const panel = el('div');
    panel.id = `${uid}-panel`;
    panel.hidden = true;
    const built = optInForm(cfg, uid);
    panel.appendChild(built.form);
    box.appendChild(panel);
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-checked') !== 'true';
      toggle.setAttribute('aria-checked', on ? 'true' : 'false');
      panel.hidden = !on;
      if (on) built.focus();
    });
    queueMicrotask(() => watchBlocked(ns, host, shadow));
    return host;
  });
}
