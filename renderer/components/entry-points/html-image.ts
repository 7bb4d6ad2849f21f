/** CSS pixels per millimetre (CSS fixes 96 px to the inch). */
const PX_PER_MM = 96 / 25.4;

const STYLE_BLOCK = /<style>([\s\S]*?)<\/style>/g;

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Draws a self-contained HTML document as an SVG image (`<foreignObject>`), returned as a data URL for an `<img>`.
 * Why: the app's CSP (style-src 'self') also governs srcdoc and blob: frames, so the document's inline `<style>`
 * would be dropped there; an SVG image is its own document, renders the styles, and can never run script.
 * The style sheet is lifted out before parsing (DOMParser documents report CSP violations for inline styles) and
 * its `html`/`body` rules are pointed at the wrapper, which stands in for the body inside the image.
 */
export function htmlToImageUrl(html: string, widthMm: number, heightMm: number): string {
  const css = [...html.matchAll(STYLE_BLOCK)]
    .map((m) => m[1] ?? '')
    .join('\n')
    .replace(/(^|[\s,}])(?:html|body)(?=\s*[,{])/g, '$1.od-doc');
  const doc = new DOMParser().parseFromString(html.replace(STYLE_BLOCK, ''), 'text/html');
  const wrapper = doc.createElement('div');
  wrapper.className = 'od-doc';
  wrapper.append(...Array.from(doc.body.childNodes));
  const body = new XMLSerializer().serializeToString(wrapper);
  const open = body.indexOf('>') + 1;
  const width = Math.ceil(widthMm * PX_PER_MM);
  const height = Math.ceil(heightMm * PX_PER_MM);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">` +
    `${body.slice(0, open)}<style>${escapeXmlText(css)}</style>${body.slice(open)}` +
    `</foreignObject></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
