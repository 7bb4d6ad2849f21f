/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside an inline `<script>`: no `</script>`, `<!--` or line separators can break out,
 * because `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX` escapes.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** True for a base64 image data URL: the only kind of logo we embed, so nothing is fetched from the network. */
export function isImageDataUrl(value: string): boolean {
  return DATA_IMAGE.test(value);
}

/** Replaces lone UTF-16 surrogates (which `encodeURIComponent` rejects) with U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
