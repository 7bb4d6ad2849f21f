// Prints one closing line per test runner and a total, from the JSON reports the runners wrote under CI.
/* global console, process */
import { existsSync, readFileSync } from 'node:fs';

const lines = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function add(label, p, f, s) {
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`${label}: ${p} passed, ${f} failed, ${s} skipped`);
}

function addVitest(label, file) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  add(label, r.numPassedTests ?? 0, r.numFailedTests ?? 0, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0));
}

if (existsSync('test-results/vitest.json')) addVitest(`vitest (Node ${process.versions.node})`, 'test-results/vitest.json');
else lines.push('vitest: did not run');
// Written only when run-tests.mjs had a Node 24 binary (OUTREACH_DESK_NODE24); absent means not asked for.
if (existsSync('test-results/vitest-node24.json')) addVitest('vitest main-process tests on Node 24', 'test-results/vitest-node24.json');

for (const [label, file] of [['playwright', 'test-results/e2e.json'], ['electron', 'test-results/electron.json']]) {
  if (!existsSync(file)) {
    lines.push(`${label}: did not run`);
    continue;
  }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  add(label, (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0);
}

for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
