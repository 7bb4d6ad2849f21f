import { escapeHtml } from './html';
import { BUBBLE_ICON_PATH, assertSnippetInput, snippetColours, sriHash, type SnippetForms } from './snippet-common';
import type { ButtonPosition, ButtonSize } from './types';

/** What the website button needs. */
export interface ButtonSnippetInput {
  /** The exact wa.me link (from entryPointLink). */
  url: string;
  label: string;
  colour: string;
  size: ButtonSize;
  position: ButtonPosition;
  /** Shown in an HTML comment so the owner recognises the snippet later. */
  refCode?: string;
}

const FONT_SIZE: Record<ButtonSize, number> = { small: 14, medium: 16, large: 20 };

/**
 * Every declaration `!important`: the button is plain HTML (it works without script), so it cannot hide in a shadow
 * root; this is what keeps a theme's `a {…}` or `svg {width:100%}` rules from restyling it.
 */
function important(css: string): string {
  return css.replace(/([a-z-]+:[^;{}]+?)(;|})/g, '$1!important$2');
}

/**
 * Both forms of a "Chat with us on WhatsApp" link for a website: no script, no external request, class names
 * prefixed `od-`, text colour picked for WCAG AA contrast, a focus ring visible on any background. The icon carries
 * its size in attributes, so a page that blocks the stylesheet shows a small icon, not one as wide as the page. The
 * CSP-compatible form loads the same CSS from a file the shop uploads (a strict style-src blocks `<style>`).
 */
export function buttonSnippetForms(input: ButtonSnippetInput): SnippetForms {
  assertSnippetInput(input.url, input.refCode);
  const { background, text } = snippetColours(input.colour);
  const colourClass = `od-wa-c${background.slice(1)}`;
  const sizeClass = `od-wa-${input.size}`;
  const placeClass = input.position === 'inline' ? '' : ` od-wa-fixed od-wa-${input.position}`;
  const css = [
    '.od-wa-btn{box-sizing:border-box;display:inline-flex;align-items:center;gap:.5em;margin:0;border:0;border-radius:999px;',
    'font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-weight:600;line-height:1.2;',
    'text-decoration:none;text-transform:none;letter-spacing:normal;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25);',
    'min-height:44px;min-width:44px;}',
    '.od-wa-btn:hover,.od-wa-btn:focus-visible{text-decoration:underline;}',
    // Black outer ring + white inner ring: visible on light and dark pages alike.
    '.od-wa-btn:focus{outline:3px solid #111111;outline-offset:3px;box-shadow:0 0 0 3px #ffffff;}',
    '.od-wa-btn:focus:not(:focus-visible){outline:none;box-shadow:0 2px 8px rgba(0,0,0,.25);}',
    '.od-wa-btn svg{width:1.3em;height:1.3em;flex:none;fill:currentColor;}',
    `.od-wa-small{font-size:${FONT_SIZE.small}px;padding:.55em 1em;min-height:36px;}`,
    `.od-wa-medium{font-size:${FONT_SIZE.medium}px;padding:.75em 1.25em;}`,
    `.od-wa-large{font-size:${FONT_SIZE.large}px;padding:.8em 1.5em;}`,
    '.od-wa-fixed{position:fixed;bottom:20px;z-index:2147483000;}',
    '.od-wa-bottom-right{right:20px;}.od-wa-bottom-left{left:20px;}',
    // Pasted twice (or two floating buttons in one corner): one button, not two stacked exactly on top of each other.
    '.od-wa-aside~.od-wa-aside .od-wa-fixed{display:none;}',
    '@media print{.od-wa-fixed{display:none;}}',
    `.${colourClass},.${colourClass}:visited,.${colourClass}:hover{background:${background};color:${text};}`,
  ].join('');
  const stylesheet = important(css);
  const ref = input.refCode ? ` (ref ${input.refCode})` : '';
  const link =
    `<a class="od-wa-btn ${sizeClass} ${colourClass}${placeClass}" href="${escapeHtml(input.url)}" target="_blank" rel="noopener noreferrer">` +
    `<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path fill-rule="evenodd" d="${BUBBLE_ICON_PATH}"/></svg>` +
    `<span>${escapeHtml(input.label)}</span></a>`;
  // A floating button sits outside the page's own landmarks, so it brings its own (screen readers list it).
  const body = input.position === 'inline' ? link : `<aside class="od-wa-aside" aria-label="WhatsApp">${link}</aside>`;
  const name = `outreach-desk-button-${input.refCode ?? background.slice(1)}.css`;
  const file = `${stylesheet}\n`;
  const integrity = sriHash(file);
  return {
    inline: `<!-- Outreach Desk: WhatsApp button${ref} -->\n<style>${stylesheet}</style>\n${body}\n`,
    hosted: {
      html:
        `<!-- Outreach Desk: WhatsApp button${ref}, CSP-compatible form: upload ${name} to your website's main folder -->\n` +
        `<link rel="stylesheet" href="/${name}" integrity="${integrity}">\n${body}\n`,
      files: [{ name, type: 'text/css', text: file, integrity }],
    },
  };
}

/** The one-paste (inline) form of the button. */
export function buttonSnippet(input: ButtonSnippetInput): string {
  return buttonSnippetForms(input).inline;
}
