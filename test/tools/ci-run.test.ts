import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * .ci/run installs Electron's Node (24.15) from the npm registry and has `npm test` run the main-process tests on
 * it. Running .ci/run here would reinstall everything, so what it relies on is checked instead.
 */
const ciRun = readFileSync('.ci/run', 'utf8');
const electronNode = '24.15.0';

describe('.ci/run and Node 24', () => {
  it('installs the Node that Electron 40 ships into a git-ignored scratch prefix, never into the project', () => {
    expect(ciRun).toContain(`NODE24_VERSION=${electronNode}`);
    expect(ciRun).toMatch(/npm install --no-save --no-package-lock [^\n]*--prefix "\$node24_dir" "node-linux-\$node24_arch@\$NODE24_VERSION"/);
    expect(ciRun).toMatch(/node24_dir=\.tmp\/node24/);
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('.tmp/');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
    expect(Object.keys(declared).filter((name) => name.startsWith('node-'))).toEqual([]);
    // A failed install must fail the run rather than quietly skip the Node 24 tests.
    expect(ciRun).toMatch(/node24_missing=1/);
    expect(ciRun).toMatch(/\[ "\$status" = 0 \] && status=1/);
  });

  it('hands the binary to npm test, which runs the Node-facing main-process suites on it with their own report', async () => {
    expect(ciRun).toMatch(/export OUTREACH_DESK_NODE24="\$node24_bin"/);
    expect(ciRun.indexOf('export OUTREACH_DESK_NODE24')).toBeLessThan(ciRun.search(/^npm test$/m));
    const runTests = readFileSync('tools/run-tests.mjs', 'utf8');
    expect(runTests).toMatch(/--outputFile\.json=test-results\/vitest-node24\.json/);
    // Every filter still names at least one test file (a renamed suite would otherwise silently drop out), and the
    // suites that meet Node's own APIs are among them.
    const { MAIN_PROCESS_TESTS } = await import('../../tools/node24-suites.mjs');
    const files = readdirSync('test/main', { recursive: true }).map((f) => `test/main/${String(f).replaceAll('\\', '/')}`).filter((f) => f.endsWith('.test.ts'));
    for (const filter of MAIN_PROCESS_TESTS) expect(files.some((f) => f.includes(filter)), filter).toBe(true);
    const covered = files.filter((f) => MAIN_PROCESS_TESTS.some((filter) => f.includes(filter)));
    for (const must of ['startup-bundle', 'services/store/durability', 'services/webhook/receiver', 'services/cloud/client', 'web-bridge', 'secret-vault']) {
      expect(covered.some((f) => f.includes(must)), must).toBe(true);
    }
  });

  it('is a valid bash script', () => {
    expect(spawnSync('bash', ['-n', '.ci/run'], { encoding: 'utf8' }).status).toBe(0);
  });

  it('matches the Node inside the Electron version that package.json pins', () => {
    // Electron 40.x ships Node 24.15; a move to another Electron major must move NODE24_VERSION with it.
    const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string };
    expect(electron.version.split('.')[0]).toBe('40');
  });
});
