import type { PosterSize } from './types';

/** Paper size of each poster format in millimetres (table tent: A4 landscape, folded in the middle). */
export const POSTER_PAGE_MM: Record<PosterSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  Letter: { width: 215.9, height: 279.4 },
  'table-tent': { width: 297, height: 210 },
  'sticker-sheet': { width: 210, height: 297 },
};

/** Stickers per A4 sheet: columns × rows. */
export const STICKER_GRID = { columns: 3, rows: 4 } as const;

/** CSS class (and named @page) of a size, e.g. "od-size-table-tent". */
export function sizeClass(size: PosterSize): string {
  return `od-size-${size.toLowerCase()}`;
}

/**
 * Print CSS for the sizes in use. Each size is a named page, so a batch may mix sizes; a sheet is a hair shorter than
 * its paper and clips overflow, so rounding never spills a blank extra page.
 */
export function posterCss(sizes: readonly PosterSize[]): string {
  const unique = [...new Set(sizes)];
  const first = POSTER_PAGE_MM[unique[0] ?? 'A4'];
  const pages = unique
    .map((size) => {
      const { width, height } = POSTER_PAGE_MM[size];
      const cls = sizeClass(size);
      // The unit --u scales type and spacing with the paper: 1 on A4-width paper.
      return (
        `@page ${cls}{size:${width}mm ${height}mm;margin:0}` +
        `.${cls}{page:${cls};width:${width}mm;height:${height - 0.5}mm;--u:${(Math.min(width, height) / 210).toFixed(4)}}`
      );
    })
    .join('\n');
  return `@page{size:${first.width}mm ${first.height}mm;margin:0}
${pages}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.od-page{position:relative;overflow:hidden;break-after:page;page-break-after:always;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.od-page:last-child{break-after:auto;page-break-after:auto}
.od-poster{display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;gap:calc(var(--u)*7mm);padding:calc(var(--u)*16mm);height:100%}
.od-logo{max-width:calc(var(--u)*60mm);max-height:calc(var(--u)*30mm);object-fit:contain}
.od-headline{margin:0;font-size:calc(var(--u)*16mm);line-height:1.1;font-weight:800}
.od-qr{width:calc(var(--u)*120mm);background:#ffffff;border-radius:calc(var(--u)*3mm);padding:calc(var(--u)*2mm)}
.od-qr svg{display:block;width:100%;height:auto}
.od-instructions{margin:0;font-size:calc(var(--u)*7mm);line-height:1.3;max-width:calc(var(--u)*170mm);white-space:pre-line}
.od-business{margin:0;font-size:calc(var(--u)*8mm);font-weight:700}
.od-phone{margin:0;font-size:calc(var(--u)*6.5mm)}
.od-ref{position:absolute;right:calc(var(--u)*6mm);bottom:calc(var(--u)*5mm);margin:0;font-size:calc(var(--u)*3.2mm);opacity:.75}
.od-tent{display:flex;flex-direction:column;height:100%}
.od-half{flex:1 1 0;display:flex;align-items:center;gap:14mm;padding:10mm 18mm;position:relative}
.od-half-top{transform:rotate(180deg)}
.od-fold{height:0;border-top:0.4mm dashed currentColor;opacity:.45}
.od-half .od-qr{width:78mm;flex:none}
.od-half .od-text{display:flex;flex-direction:column;gap:4mm;text-align:left;min-width:0}
.od-half .od-headline{font-size:12mm}
.od-half .od-instructions{font-size:5.2mm}
.od-half .od-business{font-size:6mm}
.od-half .od-phone{font-size:5mm}
.od-half .od-logo{max-height:16mm;max-width:50mm;align-self:flex-start}
.od-stickers{display:grid;grid-template-columns:repeat(3,1fr);grid-template-rows:repeat(4,1fr);gap:4mm;padding:10mm;height:100%}
.od-sticker{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:1.5mm;border:0.3mm dashed rgba(0,0,0,.35);border-radius:4mm;padding:3mm;overflow:hidden;text-align:center}
.od-sticker .od-qr{width:44mm;padding:0}
.od-sticker .od-headline{font-size:4.2mm;line-height:1.15}
.od-sticker .od-business{font-size:3.4mm;font-weight:600}
@media screen{body{background:#8a8a8a}.od-page{margin:0 auto 8mm;box-shadow:0 1mm 4mm rgba(0,0,0,.4)}}
@media print{body{background:none}.od-page{margin:0;box-shadow:none}}`;
}
