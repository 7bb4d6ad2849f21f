import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/*
 * Bundles the Electron main process, its preloads and the recovery page into dist/main. Main and the preloads are
 * CommonJS: a sandboxed preload can only require('electron'), so every other import is bundled in; main bundles its
 * dependencies too, so the packaged app needs no node_modules. `npm run dist` passes --production: minified, and
 * NODE_ENV=production defined. Run: npx tsx tools/build-main.ts [--production]
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where and how to build. */
export interface BuildMainOptions {
  /** Output folder (default dist/main); tests build into a temp folder. */
  outDir?: string;
  /** Minify, no source maps, NODE_ENV=production. */
  production?: boolean;
}

/** Builds every main-side bundle; returns after writing them. */
export async function buildMain(options: BuildMainOptions = {}): Promise<void> {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist', 'main'));
  const production = options.production ?? false;
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 40 runs Node 24.
    target: 'node24',
    external: ['electron'],
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'linked',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  // Preloads run in a sandboxed renderer: no Node built-ins exist there, so none may be bundled.
  // Minified always: they are parsed on every page load, and zod is most of the main preload.
  const preload: BuildOptions = { ...common, platform: 'browser', target: 'chrome144', minify: true };
  await mkdir(path.join(outDir, 'recovery'), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['main/index.ts'], outfile: path.join(outDir, 'index.cjs') }),
    build({ ...preload, entryPoints: ['main/preload.ts'], outfile: path.join(outDir, 'preload.cjs') }),
    build({ ...preload, entryPoints: ['main/recovery/preload.ts'], outfile: path.join(outDir, 'recovery-preload.cjs') }),
    // The recovery page is an ordinary script of its own origin's page (no require, no Node).
    build({ ...preload, format: 'iife', entryPoints: ['main/recovery/page.ts'], outfile: path.join(outDir, 'recovery', 'page.js') }),
    copyFile(path.join(root, 'main/recovery/index.html'), path.join(outDir, 'recovery', 'index.html')),
    copyFile(path.join(root, 'main/recovery/page.css'), path.join(outDir, 'recovery', 'page.css')),
  ]);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');
  buildMain({ production })
    .then(() => console.log(`built dist/main (main, preloads, recovery page)${production ? ' for production' : ''}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
