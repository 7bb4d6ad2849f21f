import { readFile, writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

/*
 * Rasterises assets/icon.svg into the icons electron-builder needs, written in-house (both containers are
 * a header plus images): assets/icon.png (1024), assets/icon.ico (16/32/48 as 32-bit DIBs, which every
 * Windows tool and NSIS read, plus 256 as PNG) and assets/icon.icns (PNG entries). Run:
 * npx tsx tools/make-icons.ts
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

async function main(): Promise<void> {
  const svg = await readFile('assets/icon.svg', 'utf8');
  const sizes = new Map([16, 32, 48, 128, 256, 512, 1024].map((size) => [size, render(svg, size)]));
  const at = (size: number) => sizes.get(size)!;
  await writeFile('assets/icon.png', at(1024).png);
  await writeFile(
    'assets/icon.ico',
    ico([
      { size: 16, data: icoDib(at(16)) },
      { size: 32, data: icoDib(at(32)) },
      { size: 48, data: icoDib(at(48)) },
      { size: 256, data: at(256).png },
    ]),
  );
  await writeFile(
    'assets/icon.icns',
    icns([
      { type: 'ic07', png: at(128).png },
      { type: 'ic08', png: at(256).png },
      { type: 'ic09', png: at(512).png },
      { type: 'ic10', png: at(1024).png },
    ]),
  );
  console.log('wrote assets/icon.png, assets/icon.ico, assets/icon.icns');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
