import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

/*
 * Rasterises assets/icon.svg into the icons electron-builder needs. No ICO/ICNS writer is among the installed
 * packages, and both containers are only a header plus images, so they are written here:
 * - assets/icon.png: 1024 px (window icon on Linux, source for anything else);
 * - assets/icon.ico: 16/24/32/48/64/128 as 32-bit DIBs (read by every Windows tool, NSIS and rcedit), 256 as PNG
 *   (the one size Windows stores compressed). Each size is drawn for itself: Windows picks the exact size for
 *   the taskbar, title bar, Explorer views and shortcuts instead of blurring a big one down;
 * - assets/icon.icns: PNG entries for every size macOS asks for, 16 to 1024, including the @2x variants;
 * - assets/icons/NxN.png: the Linux set, 16 to 512 (electron-builder reads the size from the name).
 * Run: npx tsx tools/make-icons.ts
 */

interface Raster {
  size: number;
  png: Buffer;
  rgba: Buffer;
}

function render(svg: string, size: number): Raster {
  const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  // Decoded from the PNG rather than taken from resvg's pixel buffer, which is premultiplied: ICO wants straight alpha.
  return { size, png, rgba: PNG.sync.read(png).data };
}

/** A 32-bit BGRA DIB as stored in an ICO: header with doubled height, bottom-up rows, empty AND mask. */
function icoDib(raster: Raster): Buffer {
  const { size, rgba } = raster;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** The ICO container: ICONDIR, one 16-byte entry per image, then the images. */
function ico(images: Array<{ size: number; data: Buffer }>): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([head, ...entries, ...images.map((image) => image.data)]);
}

/** The ICNS container: 'icns', total length, then (type, length, PNG) entries. */
function icns(entries: Array<{ type: string; png: Buffer }>): Buffer {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Sizes in the Windows icon; 256 is stored as PNG, the rest as DIBs. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entry types and their pixel sizes (Apple's icns types; the @2x ones share pixels with the next size). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
] as const;
/** The Linux icon set (hicolor sizes). */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

async function main(): Promise<void> {
  const svg = await readFile('assets/icon.svg', 'utf8');
  const wanted = new Set<number>([1024, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size), ...LINUX_SIZES]);
  const sizes = new Map([...wanted].map((size) => [size, render(svg, size)]));
  const at = (size: number) => sizes.get(size)!;
  await writeFile('assets/icon.png', at(1024).png);
  await writeFile('assets/icon.ico', ico(ICO_SIZES.map((size) => ({ size, data: size >= 256 ? at(size).png : icoDib(at(size)) }))));
  await writeFile('assets/icon.icns', icns(ICNS_TYPES.map(([type, size]) => ({ type, png: at(size).png }))));
  await mkdir('assets/icons', { recursive: true });
  // Sizes dropped from the list must not linger in the folder electron-builder copies.
  for (const name of await readdir('assets/icons')) if (name.endsWith('.png')) await rm(`assets/icons/${name}`);
  for (const size of LINUX_SIZES) await writeFile(`assets/icons/${size}x${size}.png`, at(size).png);
  console.log('wrote assets/icon.png, assets/icon.ico, assets/icon.icns and assets/icons/');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
