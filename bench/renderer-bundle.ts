/** Renderer initial bundle: what the first screen downloads (entry script, preloaded chunks, CSS), gzipped. Target ≤ 400 KB. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve('dist/renderer');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
let total = 0;
for (const asset of assets) {
  const gz = gzipSync(readFileSync(path.join(dist, asset))).length;
  total += gz;
  console.log(`  ${asset.padEnd(48)} ${(gz / 1024).toFixed(1)} KB gzipped`);
}
const kb = total / 1024;
console.log(`renderer initial bundle: ${kb.toFixed(1)} KB gzipped (target ≤ 400 KB) ${kb <= 400 ? 'OK' : 'MISSED'}`);
