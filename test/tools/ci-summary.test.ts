import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const script = path.resolve('tools/ci-summary.mjs');
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function summary(reports: Record<string, unknown>): Promise<string[]> {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  await mkdir(path.join(tmp.dir, 'test-results'));
  for (const [name, report] of Object.entries(reports)) await writeFile(path.join(tmp.dir, 'test-results', name), JSON.stringify(report));
  const run = spawnSync(process.execPath, [script], { cwd: tmp.dir, encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.trim().split('\n');
}

describe('tools/ci-summary.mjs', () => {
  it('prints the Node 24 main-process run on its own line and counts it in the total', async () => {
    const lines = await summary({
      'vitest.json': { numPassedTests: 10, numFailedTests: 1, numPendingTests: 2, numTodoTests: 0 },
      'vitest-node24.json': { numPassedTests: 7, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 },
      'e2e.json': { stats: { expected: 3, flaky: 0, unexpected: 0, skipped: 0 } },
    });
    expect(lines).toContain(`vitest (Node ${process.versions.node}): 10 passed, 1 failed, 2 skipped`);
    expect(lines).toContain('vitest main-process tests on Node 24: 7 passed, 0 failed, 0 skipped');
    expect(lines).toContain('electron: did not run');
    expect(lines.at(-1)).toBe('20 passed, 1 failed, 2 skipped');
  });

  it('says nothing about Node 24 when that run was not asked for', async () => {
    const lines = await summary({ 'vitest.json': { numPassedTests: 1, numFailedTests: 0 } });
    expect(lines.join('\n')).not.toMatch(/Node 24/);
    expect(lines.at(-1)).toBe('1 passed, 0 failed, 0 skipped');
  });
});
