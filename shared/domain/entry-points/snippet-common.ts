import { isHexColour, readableTextColour } from './colour';
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
