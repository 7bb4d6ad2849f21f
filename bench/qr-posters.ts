/**
 * Target (product.md §9): 1,000 poster QR codes as SVG in ≤ 2 s.
 * Generates 1,000 distinct entry-point links (each with its own ref), renders each QR as SVG, then the batch poster
 * document, and prints the timings. Run: npx tsx bench/qr-posters.ts
 */
import { qrSvg } from '../shared/domain/entry-points/qr';
import { renderPosterBatchHtml } from '../shared/domain/entry-points/poster';
import { appendRef, generateRefCode } from '../shared/domain/entry-points/ref-code';
import { buildWaLink } from '../shared/domain/entry-points/wa-link';

const COUNT = 1000;
const TARGET_MS = 2000;

let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const refs: string[] = [];
for (let i = 0; i < COUNT; i++) refs.push(generateRefCode(refs, random));
const links = refs.map((ref, i) => buildWaLink('+34612345678', appendRef(`Hola, mesa ${i + 1} 😀`, ref, 'qr')));

// Warm up the QR library's tables so the figure is steady-state work, as in the running app.
qrSvg(links[0]!);

const start = performance.now();
const svgs = links.map((link) => qrSvg(link, { errorCorrection: 'M', label: 'WhatsApp QR code' }));
const qrMs = performance.now() - start;

const startHtml = performance.now();
const html = renderPosterBatchHtml(
  svgs.map((svg, i) => ({
    size: 'A5' as const,
    headline: 'Chat with us on WhatsApp',
    instructions: 'Scan the code with your phone camera, then press send.',
    qrSvg: svg,
    businessName: 'Café Sol',
    phoneDisplay: '+34 612 34 56 78',
    refCode: refs[i]!,
    placement: `Table ${i + 1}`,
  })),
);
const htmlMs = performance.now() - startHtml;

const withLogoStart = performance.now();
const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
for (const link of links) qrSvg(link, { logoDataUrl: logo });
const logoMs = performance.now() - withLogoStart;

const verdict = qrMs <= TARGET_MS ? 'PASS' : 'FAIL';
console.log(`poster QR SVGs: ${COUNT} in ${qrMs.toFixed(0)} ms (${(qrMs / COUNT).toFixed(2)} ms each) — target ≤ ${TARGET_MS} ms: ${verdict}`);
console.log(`  with logo (level H): ${COUNT} in ${logoMs.toFixed(0)} ms`);
console.log(`  batch poster document (${COUNT} A5 pages): ${htmlMs.toFixed(0)} ms, ${(html.length / 1024 / 1024).toFixed(1)} MB of HTML`);
console.log(`  distinct refs: ${new Set(refs).size}, distinct SVGs: ${new Set(svgs).size}`);
if (verdict === 'FAIL') process.exitCode = 1;
