import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SnippetForms } from '../../../shared/domain/entry-points/snippet-common';

/** The nonce the "CSP with a nonce" page gives its scripts and styles, as a CMS would add it to a pasted snippet. */
export const NONCE = 'r4nd0mN0nce';

/** How a kind of host page wraps a snippet: its CSP header, its own CSS and markup, and the form of snippet it takes. */
export interface HostKind {
  name: string;
  csp?: string;
  css?: string;
  dir?: 'rtl';
  lang?: string;
  mobile?: boolean;
  /** The snippet form this page takes: a strict policy needs the hosted files. */
  form: 'inline' | 'hosted';
  twice?: boolean;
  inHead?: boolean;
  nonce?: boolean;
}

const HEAVY_CSS =
  '*{box-sizing:content-box!important;font-size:30px!important;line-height:3!important;letter-spacing:.3em!important}' +
  'div,section,aside,form,p{position:relative!important;width:60%!important;max-width:none!important;margin:40px!important;padding:30px!important;float:left}' +
  'button{display:none!important}input{opacity:0!important}a{color:#f0f!important;font-size:48px!important}' +
  'svg{width:100%!important;height:auto!important}h2{display:none!important}p,label,legend,span{color:#eee!important}' +
  'body{transform:none;overflow-x:hidden}';

// The parts of Bootstrap 5's reboot and buttons that touch what a widget is made of, written inline (no network).
const BOOTSTRAP_CSS =
  '*,::after,::before{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;font-weight:400;line-height:1.5;color:#212529;background-color:#fff}' +
  'h2{margin-top:0;margin-bottom:.5rem;font-weight:500;line-height:1.2;font-size:calc(1.325rem + .9vw)}p{margin-top:0;margin-bottom:1rem}' +
  'a{color:rgba(13,110,253,1);text-decoration:underline}label{display:inline-block}button{border-radius:0;text-transform:none;margin:0;font-family:inherit;font-size:inherit;line-height:inherit}' +
  'button,[type=button],[type=submit]{-webkit-appearance:button}fieldset{min-width:0;padding:0;margin:0;border:0}legend{float:left;width:100%;padding:0;margin-bottom:.5rem;font-size:calc(1.275rem + .3vw);line-height:inherit}' +
  'textarea{resize:vertical}svg{vertical-align:middle}[hidden]{display:none!important}.container{width:100%;padding-right:.75rem;padding-left:.75rem;margin-right:auto;margin-left:auto}';

const DARK_CSS = 'body{background:#111;color:#ddd}p,label,legend{color:#ddd}a{color:#9cf}h1,h2{color:#fff}';

export const HOSTS: HostKind[] = [
  { name: 'blank', form: 'inline' },
  { name: 'heavy conflicting CSS', css: HEAVY_CSS, form: 'inline' },
  { name: 'Bootstrap-like CSS', css: BOOTSTRAP_CSS, form: 'inline' },
  { name: 'dark theme', css: DARK_CSS, form: 'inline' },
  { name: 'strict CSP', csp: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:", form: 'hosted' },
  { name: 'CSP with a nonce', csp: `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'`, form: 'inline', nonce: true },
  { name: 'permissive CSP', csp: "default-src 'self' 'unsafe-inline' data:", form: 'inline' },
  { name: 'pasted twice', form: 'inline', twice: true },
  { name: 'RTL', dir: 'rtl', lang: 'ar', form: 'inline' },
  { name: 'mobile 375 px', mobile: true, form: 'inline' },
  { name: 'mobile RTL', mobile: true, dir: 'rtl', lang: 'ar', form: 'inline' },
  { name: 'inside <head>', inHead: true, form: 'inline' },
];

/** The host page with the snippet pasted as this kind of page takes it (nonce added to its tags, in head, twice…). */
export function hostHtml(host: HostKind, forms: SnippetForms): string {
  let snippet = host.form === 'hosted' ? forms.hosted.html : forms.inline;
  if (host.nonce) snippet = snippet.replace(/<(script|style)>/g, `<$1 nonce="${NONCE}">`);
  if (host.twice) snippet += snippet;
  const style = host.css ? `<style${host.nonce ? ` nonce="${NONCE}"` : ''}>${host.css}</style>` : '';
  const rtlText = host.dir === 'rtl' ? '<p>خبز طازج كل صباح.</p>' : '<p>Fresh bread every morning.</p>';
  return `<!DOCTYPE html><html lang="${host.lang ?? 'en'}"${host.dir ? ` dir="${host.dir}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Café Sol</title>${style}${host.inHead ? snippet : ''}</head>
<body><header><p>Café Sol</p></header><main class="container"><h1>Café Sol</h1>${rtlText}
<button type="button" id="page-button">Menu</button>${host.inHead ? '' : snippet}</main></body></html>`;
}

/** A local web server for the host pages: each page with its CSP header, and the files the hosted forms load. */
export async function startHostServer(): Promise<{ origin: string; put(path: string, body: string, type: string, csp?: string): void; close(): Promise<void> }> {
  const routes = new Map<string, { body: string; type: string; csp?: string }>();
  const server: Server = createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0]!);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, ...(route.csp ? { 'content-security-policy': route.csp } : {}) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    put: (path, body, type, csp) => routes.set(path, { body, type, ...(csp ? { csp } : {}) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
