import { build, type BuildOptions } from 'esbuild';

/*
 * Bundles the Electron main process and the preload into dist/main. Both are CommonJS: the sandboxed
 * preload can only require('electron'), so every other import is bundled in; main bundles its
 * dependencies too, so the packaged app needs no node_modules. Run: npx tsx tools/build-main.ts [--watch]
 */
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/** Builds both bundles; returns after writing them. */
export async function buildMain(): Promise<void> {
  await Promise.all([
    build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs' }),
    // The preload runs in a sandboxed renderer: no Node built-ins exist there, so none may be bundled.
    // Minified always: it is parsed on every page load, and zod is most of it.
    build({
      ...common,
      entryPoints: ['main/preload.ts'],
      outfile: 'dist/main/preload.cjs',
      platform: 'browser',
      minify: true,
    }),
  ]);
}

buildMain()
  .then(() => console.log(`built dist/main/index.cjs and dist/main/preload.cjs${production ? ' (production)' : ''}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
