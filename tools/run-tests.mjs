// `npm test`: every check in order, carrying on after a failure so one run shows everything, then the totals.
/* global console, process */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { MAIN_PROCESS_TESTS } from './node24-suites.mjs';

/*
 * Electron 40 runs the main process on Node 24.15, while this suite runs on the Node that started it (20 here).
 * When OUTREACH_DESK_NODE24 names a Node 24 binary (.ci/run installs one from the npm registry), the tests of the
 * code that runs in Electron's main process run once more on it. test/renderer is left out: it runs in Chromium.
 */
const node24 = process.env.OUTREACH_DESK_NODE24;

const steps = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit and integration tests (vitest)', 'npx', ['vitest', 'run']],
  ...(node24
    ? [['main-process tests on Electron’s Node 24 (vitest)', node24, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'node', ...MAIN_PROCESS_TESTS, '--outputFile.json=test-results/vitest-node24.json']]]
    : []),
  ['renderer build', 'npm', ['run', '--silent', 'build:renderer']],
  ['end-to-end tests in Chromium (Playwright)', 'npx', ['playwright', 'test']],
  ['main-process build', 'npm', ['run', '--silent', 'build:main']],
  ['Electron end-to-end tests', 'npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts']],
];

rmSync('test-results', { recursive: true, force: true });
const env = { ...process.env, CI: process.env.CI ?? 'true' };
const failed = [];
if (!node24) console.log('Main-process tests on Node 24: not run (set OUTREACH_DESK_NODE24 to a Node 24 binary; .ci/run does).');
for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
  // Children the tests spawn (process.execPath) and any `node` they call use the same Node as the step.
  const stepEnv = command === node24 ? { ...env, PATH: `${path.dirname(node24)}${path.delimiter}${env.PATH ?? ''}` } : env;
  const result = spawnSync(command, args, { stdio: 'inherit', env: stepEnv, shell: process.platform === 'win32' && command !== node24 });
  if (result.status !== 0) {
    failed.push(label);
    console.log(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
  }
}
console.log('');
spawnSync(process.execPath, ['tools/ci-summary.mjs'], { stdio: 'inherit' });
if (failed.length > 0) console.log(`Failed steps: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
