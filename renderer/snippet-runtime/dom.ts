/**
 * What every widget does to live on a stranger's page: one shared global, a shadow root the page's CSS cannot
 * reach, styles that a Content-Security-Policy does not block, a clear console message when something is blocked
 * anyway, and opening wa.me.
 */

/** Page-wide state shared by every snippet (and every copy of one) on the page. */
export interface Namespace {
  loaded: Record<string, boolean>;
  seq: number;
  memory: Record<string, number>;
  /** True while one of our dialogs is open: a second popup waits instead of stacking on top. */
  modalOpen: boolean;
  warned: Record<string, boolean>;
}

export function namespace(name: string): Namespace {
  const global = window as unknown as Record<string, Partial<Namespace> | undefined>;
  const ns = (global[name] = global[name] ?? {});
  ns.loaded = ns.loaded ?? {};
  ns.seq = ns.seq ?? 0;
  ns.memory = ns.memory ?? {};
  ns.modalOpen = ns.modalOpen ?? false;
  ns.warned = ns.warned ?? {};
  return ns as Namespace;
}

/** Said once per page when the page's security policy or theme keeps a widget from showing as designed. */
export const BLOCKED_MESSAGE =
  'Outreach Desk: this WhatsApp widget was blocked by the page’s Content-Security-Policy, so it may be invisible ' +
  'or unstyled. Use the “CSP-compatible” form of the snippet from the Outreach Desk app (a script file you upload ' +
  'to your own site, with its SHA-256 hash), or give the snippet’s script tag the page’s nonce.';

export function warnOnce(ns: Namespace, key: string, message: string): void {
  if (ns.warned[key]) return;
  ns.warned[key] = true;
  console.warn(message);
}

/** An element with optional class and text; text gets dir="auto" so punctuation stays put on right-to-left pages. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) {
    node.textContent = text;
    node.dir = 'auto';
  }
  return node;
}

/** Replaces lone UTF-16 surrogates with U+FFFD (String.prototype.toWellFormed, which old phones lack). */
export function toWellFormed(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.charAt(i) + text.charAt(i + 1);
        i++;
        continue;
      }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += text.charAt(i);
    }
  }
  return out;
}

/** `https://wa.me/<digits>?text=<text>`, encoded exactly as buildWaLink does. */
export function waUrl(digits: string, text: string): string {
  return `https://wa.me/${digits}?text=${encodeURIComponent(toWellFormed(text))}`;
}

/** Opens a wa.me link in a new tab without giving it this page; falls back to the same tab when popups are blocked. */
export function openUrl(url: string): void {
  const win = window.open(url, '_blank');
  if (win) {
    try {
      win.opener = null;
    } catch {
      /* cross-origin already */
    }
  } else {
    window.location.href = url;
  }
}

/**
 * Every widget's stylesheet starts with this: `all: initial` stops the page's inherited colours, fonts and direction
 * at the shadow boundary, and `--od-styled` lets the runtime check that the styles applied.
 */
const HOST_CSS = ':host{all:initial;display:block;--od-styled:1}';

/**
 * The element a widget lives in, with an open shadow root (tests and screen readers see in; the page's CSS does
 * not). The host's own layout is set through the CSSOM (element.style), which CSP style-src does not govern, with
 * !important so a theme's `* {…!important}` cannot move or hide it.
 */
export function shadowHost(kind: string, css: string, nonce: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(`outreach-desk-${kind}`);
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, HOST_CSS + css, nonce);
  return { host, root };
}

/**
 * A constructable stylesheet where the browser has one (a page's style-src does not apply to it); otherwise a
 * `<style>` carrying the nonce of the script that loaded us, which a nonce-based policy allows.
 */
function adoptStyles(root: ShadowRoot, css: string, nonce: string): void {
  try {
    if (typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    /* an older engine: fall back to a style element */
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.appendChild(style);
}

/** The nonce of the `<script>` that is running us, for what we inject (read before any await). */
export function scriptNonce(here: HTMLScriptElement | null): string {
  return (here && (here.nonce || here.getAttribute('nonce'))) || '';
}

/**
 * Tells the owner (in the console) when the page blocked our styles: a policy violation inside the widget, or the
 * style check failing once the widget is on the page.
 */
export function watchBlocked(ns: Namespace, host: HTMLElement, root: ShadowRoot): void {
  root.addEventListener('securitypolicyviolation', () => warnOnce(ns, 'csp', BLOCKED_MESSAGE));
  const check = (): void => {
    if (!host.isConnected) return;
    if (getComputedStyle(host).getPropertyValue('--od-styled').trim() !== '1') warnOnce(ns, 'csp', BLOCKED_MESSAGE);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(check);
  else setTimeout(check, 0);
}

/** Runs `fn` once the page has a body (a snippet pasted into `<head>` runs before there is one). */
export function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn);
}

/** Said when an inline form was pasted into `<head>`, where nothing can be seen. */
export const HEAD_MESSAGE =
  'Outreach Desk: this opt-in form was pasted inside the page head, where nothing is visible, so it is shown at the end ' +
  'of the page. Paste it inside the body, at the place where the form should appear.';

/**
 * Puts an inline widget where its script was pasted; a script in `<head>` (or injected without a place) mounts at the
 * end of `<body>` once the page is parsed, with a console note saying where to paste it.
 */
export function mountInline(ns: Namespace, here: HTMLScriptElement | null, node: () => HTMLElement): void {
  const inBody = !!here && !!here.parentNode && !!document.body && document.body.contains(here);
  if (inBody) {
    here.parentNode!.insertBefore(node(), here);
    return;
  }
  if (here && document.head && document.head.contains(here)) warnOnce(ns, 'head', HEAD_MESSAGE);
  const atEnd = (): void => {
    document.body.appendChild(node());
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', atEnd);
  else whenBody(atEnd);
}
