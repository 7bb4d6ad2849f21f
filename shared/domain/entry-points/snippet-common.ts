import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { isHexColour, readableTextColour } from './colour';
import { jsonForScript } from './html';
import { isValidRefCode } from './ref-code';

/** Name of the one global the snippets share, so pasting several (or the same twice) never clashes. */
export const SNIPPET_NAMESPACE = 'OutreachDeskWidgets';

/** A small chat-bubble glyph drawn inline, so a snippet loads nothing from elsewhere. */
export const BUBBLE_ICON_PATH =
  'M12 2.2a9.8 9.8 0 0 0-8.5 14.7L2.2 21.8l5-1.3A9.8 9.8 0 1 0 12 2.2zm-3.1 5.3c.2 0 .5 0 .7.5l.9 2.1c.1.2 0 .4-.1.6l-.6.7c-.1.2-.2.3 0 .6a7.3 7.3 0 0 0 3.6 3.1c.3.1.4.1.6-.1l.8-1c.2-.2.4-.2.6-.1l2 1c.3.1.4.2.4.4 0 .5-.1 1.4-1 2-.8.5-1.9.6-3.6-.1a11.8 11.8 0 0 1-5.2-4.6c-.9-1.4-1.1-3 .1-4.4.3-.3.5-.6.8-.7z';

/** Refuses what no snippet may carry: a link that is not wa.me (it goes into href) and a malformed ref. */
export function assertSnippetInput(url: string, ref: string | undefined): void {
  if (!/^https:\/\/wa\.me\/[1-9]\d{6,14}(\?text=[A-Za-z0-9\-_.!~*'()%]*)?$/.test(url)) {
    throw new Error(`A snippet only links to https://wa.me/<number>; got "${url.slice(0, 80)}".`);
  }
  if (ref !== undefined && !isValidRefCode(ref)) throw new Error(`Not a valid ref code: "${ref}".`);
}

/** The brand colour if well-formed (else the default) and the text colour that passes WCAG AA on it. */
export function snippetColours(colour: string, fallback = '#075E54'): { background: string; text: string } {
  const background = isHexColour(colour) ? colour.toLowerCase() : fallback;
  return { background, text: readableTextColour(background) };
}

/** A file the shop uploads to its own site for the CSP-compatible form, with its Subresource Integrity hash. */
export interface HostedFile {
  name: string;
  type: 'text/javascript' | 'text/css';
  text: string;
  /** `sha256-<base64>`: goes in the tag's integrity attribute (and may go in the page's CSP). */
  integrity: string;
}

/**
 * The two forms of every snippet. `inline` is one paste, for pages without a strict Content-Security-Policy.
 * `hosted` works under `script-src 'self'; style-src 'self'`: the code lives in files the shop uploads to its own
 * site, loaded by tags carrying their SHA-256 hashes. `inlineScriptHash` is the hash of the inline script, for
 * shops that can add `'sha256-…'` to their policy instead.
 */
export interface SnippetForms {
  inline: string;
  hosted: { html: string; files: HostedFile[] };
  inlineScriptHash?: string;
}

/** `sha256-<base64 of the SHA-256 of the UTF-8 text>`, as SRI and CSP hash sources write it. */
export function sriHash(text: string): string {
  return `sha256-${base64(sha256(utf8ToBytes(text)))}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** What a script snippet is made of: a comment, the runtime bundle and its JSON config, and what follows the tag. */
export interface ScriptSnippetParts {
  /** "WhatsApp chat (ref A7K2)": the comment the owner recognises the snippet by. */
  title: string;
  /** File name (without .js) of the hosted form: "outreach-desk-chat-A7K2". */
  fileStem: string;
  /** A runtime bundle from runtime-bundles.generated.ts. */
  runtime: string;
  config: unknown;
  /** HTML after the script (a noscript fallback). */
  after?: string;
}

/**
 * Both forms of a script snippet. The code is the bundled runtime called with its config and the running `<script>`
 * (whose nonce the runtime gives to anything it injects, and where an inline widget mounts).
 */
export function scriptSnippetForms(parts: ScriptSnippetParts): SnippetForms {
  const code = `(function(cfg,here){${parts.runtime}})(${jsonForScript(parts.config)},document.currentScript);`;
  const after = parts.after ?? '';
  const name = `${parts.fileStem}.js`;
  const file = `${code}\n`;
  const integrity = sriHash(file);
  return {
    inline: `<!-- Outreach Desk: ${parts.title} -->\n<script>${code}</script>\n${after}`,
    inlineScriptHash: sriHash(code),
    hosted: {
      html:
        `<!-- Outreach Desk: ${parts.title}, CSP-compatible form: upload ${name} to your website's main folder -->\n` +
        `<script src="/${name}" integrity="${integrity}"></script>\n${after}`,
      files: [{ name, type: 'text/javascript', text: file, integrity }],
    },
  };
}
