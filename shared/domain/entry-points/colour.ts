/** A colour as 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** True for `#rgb` or `#rrggbb`, the only colour syntax we let into generated CSS. */
export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** Parses `#rgb` / `#rrggbb`; undefined for anything else. */
export function parseHexColour(value: string): Rgb | undefined {
  if (!HEX.test(value)) return undefined;
  let hex = value.slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return {
    r: parseInt(hex.slice(0, 2), 16),
    g: parseInt(hex.slice(2, 4), 16),
    b: parseInt(hex.slice(4, 6), 16),
  };
}

function channel(value: number): number {
  const s = value / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance (0 = black, 1 = white). */
export function relativeLuminance(rgb: Rgb): number {
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** WCAG 2 contrast ratio between two hex colours (1–21); throws on a malformed colour. */
export function contrastRatio(a: string, b: string): number {
  const ra = parseHexColour(a);
  const rb = parseHexColour(b);
  if (!ra || !rb) throw new Error(`Not a hex colour: ${ra ? b : a}`);
  const la = relativeLuminance(ra);
  const lb = relativeLuminance(rb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White or black, whichever reads better on the background; one of them always reaches WCAG AA (4.5:1). */
export function readableTextColour(background: string): '#ffffff' | '#000000' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}
