import { COLUMN, LINE_HEIGHT, PAGE_SLACK_MM, POSTER_PAGE_MM, PRINT_SAFE_MM, STICKER, STICKER_GRID, TENT, unitOf } from './poster-layout';
import type { PosterSize } from './types';

export { POSTER_PAGE_MM, STICKER_GRID } from './poster-layout';

/** CSS class (and named @page) of a size, e.g. "od-size-table-tent". */
export function sizeClass(size: PosterSize): string {
  return `od-size-${size.toLowerCase()}`;
}

const C = COLUMN;
const T = TENT;
const S = STICKER;
const L = LINE_HEIGHT;
/** A font size that follows the paper (--u) and the fitted text scale (--s, set per page by poster.ts). */
const font = (mm: number, unit = true) => `calc(${unit ? 'var(--u)*' : ''}var(--s,1)*${mm}mm)`;

/**
 * Print CSS for the sizes in use. Each size is a named page, so a batch may mix sizes. The numbers come from
 * poster-layout, which poster-fit measures text against. The QR never shrinks (flex:none) and text boxes clip rather
 * than push it, so even text that beats the estimate can never cut the code or its quiet zone.
 */
export function posterCss(sizes: readonly PosterSize[]): string {
  const unique = [...new Set(sizes)];
  const first = POSTER_PAGE_MM[unique[0] ?? 'A4'];
  const pages = unique
    .map((size) => {
      const { width, height } = POSTER_PAGE_MM[size];
      const cls = sizeClass(size);
      return (
        `@page ${cls}{size:${width}mm ${height}mm;margin:0}` +
        `.${cls}{page:${cls};width:${width}mm;height:${height - PAGE_SLACK_MM}mm;--u:${unitOf(size).toFixed(4)}}`
      );
    })
    .join('\n');
  const u = (mm: number) => `calc(var(--u)*${mm}mm)`;
  return `@page{size:${first.width}mm ${first.height}mm;margin:0}
${pages}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Devanagari","Nirmala UI",Mangal,Arial,sans-serif}
.od-page{position:relative;overflow:hidden;break-after:page;page-break-after:always;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.od-page:last-child{break-after:auto;page-break-after:auto}
.od-headline,.od-instructions,.od-business,.od-phone{overflow-wrap:anywhere}
.od-poster{display:flex;flex-direction:column;align-items:center;justify-content:safe center;text-align:center;gap:${u(C.gapMm)};padding:${u(C.paddingMm)};height:100%;overflow:hidden}
.od-poster>*{flex:none;max-width:100%}
.od-logo{max-width:${u(60)};max-height:${u(C.logoMm)};object-fit:contain}
.od-headline{margin:0;font-size:${font(C.headlineMm)};line-height:${L.headline};font-weight:800}
.od-qr{flex:none;width:${u(C.qrMm)};background:#ffffff;border-radius:${u(3)};padding:${u(C.qrPadMm)}}
.od-qr svg{display:block;width:100%;height:auto}
.od-instructions{margin:0;font-size:${font(C.instructionsMm)};line-height:${L.instructions};max-width:${u(C.instructionsMaxMm)};white-space:pre-line}
.od-business{margin:0;font-size:${font(C.businessMm)};line-height:${L.business};font-weight:700}
.od-phone{margin:0;font-size:${font(C.phoneMm)};line-height:${L.phone}}
.od-ref{position:absolute;right:max(${u(6)},${PRINT_SAFE_MM + 1}mm);bottom:max(${u(5)},${PRINT_SAFE_MM}mm);margin:0;font-size:max(${u(C.refMm)},2.6mm);line-height:1.2;opacity:.75}
.od-tent{display:flex;flex-direction:column;height:100%}
.od-half{flex:1 1 0;min-height:0;overflow:hidden;display:flex;align-items:center;gap:${T.gapXMm}mm;padding:${T.padYMm}mm ${T.padXMm}mm;position:relative}
.od-half-top{transform:rotate(180deg)}
.od-fold{flex:none;height:0;border-top:${T.foldMm}mm dashed currentColor;opacity:.45}
.od-half .od-qr{width:${T.qrMm}mm;padding:${T.qrPadMm}mm}
.od-half .od-text{flex:1 1 auto;display:flex;flex-direction:column;gap:${T.gapMm}mm;text-align:left;min-width:0;max-height:100%;overflow:hidden}
.od-half .od-text>*{flex:none}
.od-half .od-headline{font-size:${font(T.headlineMm, false)}}
.od-half .od-instructions{font-size:${font(T.instructionsMm, false)};max-width:none}
.od-half .od-business{font-size:${font(T.businessMm, false)}}
.od-half .od-phone{font-size:${font(T.phoneMm, false)}}
.od-half .od-logo{max-height:${T.logoMm}mm;max-width:50mm;align-self:flex-start}
.od-stickers{display:grid;grid-template-columns:repeat(${STICKER_GRID.columns},minmax(0,1fr));grid-template-rows:repeat(${STICKER_GRID.rows},minmax(0,1fr));gap:${S.gridGapMm}mm;padding:${S.sheetPadMm}mm;height:100%}
.od-sticker{display:flex;flex-direction:column;align-items:center;justify-content:safe center;gap:${S.gapMm}mm;border:0.3mm dashed rgba(0,0,0,.35);border-radius:4mm;padding:${S.padMm}mm;min-height:0;min-width:0;overflow:hidden;text-align:center}
.od-sticker>*{flex:none;max-width:100%}
.od-sticker .od-qr{width:${S.qrMm}mm;padding:0;border-radius:0}
.od-sticker .od-headline{font-size:${font(S.headlineMm, false)}}
.od-sticker .od-business{font-size:${font(S.businessMm, false)};font-weight:600}
.od-sticker-ref{margin:0;font-size:${S.refMm}mm;line-height:${L.ref};white-space:nowrap;overflow:hidden;text-overflow:ellipsis;opacity:.8}
@media screen{body{background:#8a8a8a}.od-page{margin:0 auto 8mm;box-shadow:0 1mm 4mm rgba(0,0,0,.4)}}
@media print{body{background:none}.od-page{margin:0;box-shadow:none}}`;
}
