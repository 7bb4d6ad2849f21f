// `npm test`: every check in order, carrying on after a failure so one run shows everything, then the totals.
/* global console, process */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const steps = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit and integration tests (vitest)', 'npx', ['vitest', 'run']],
  ['renderer build', 'npm', ['run', '--silent', 'build:renderer']],
  ['end-to-end tests in Chromium (Playwright)', 'npx', ['playwright', 'test']],
  ['main-process build', 'npm', ['run', '--silent', 'build:main']],
  ['Electron end-to-end tests', 'npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts']],
];

rmSync('test-results', { recursive: true, force: true });
const env = { ...process.env, CI: process.env.CI ?? 'true' };
const failed = [];
for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    failed.push(label);
    console.log(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
  }
}
console.log('');
spawnSync(process.execPath, ['tools/ci-summary.mjs'], { stdio: 'inherit' });
if (failed.length > 0) console.log(`Failed steps: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
