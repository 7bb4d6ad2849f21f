import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/*
 * The cross-platform workflow cannot run here; its structure is checked instead, so that a later edit cannot
 * quietly drop a system, the Electron binary, the Electron specs, the virtual display or the no-publish rule.
 */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const text = readFileSync('.github/workflows/ci.yml', 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  shell?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[]; env?: Record<string, unknown> }>;
}

const workflow = yaml.load(text) as Workflow;
const [job] = Object.values(workflow.jobs);
const steps = job!.steps;
const runs = (pattern: RegExp) => steps.filter((step) => step.run !== undefined && pattern.test(step.run));

describe('.github/workflows/ci.yml', () => {
  it('runs on pushes and pull requests, with read-only rights, one job per operating system', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
    expect(job!['runs-on']).toBe('${{ matrix.os }}');
    expect([...job!.strategy.matrix.os].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('sets up Node 20 and installs with the Electron binary', () => {
    const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('20');
    const install = runs(/\bnpm ci\b/);
    expect(install).toHaveLength(1);
    // Skipping the binary would make every Electron spec skip and the run look green.
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD\s*[:=]/);
    expect(steps.indexOf(install[0]!)).toBeGreaterThan(steps.indexOf(setup!));
  });

  it('runs npm test under a virtual display on Linux and directly elsewhere', () => {
    const tests = runs(/\bnpm test\b/);
    expect(tests.map((step) => [step.if, step.run])).toEqual([
      ["runner.os == 'Linux'", 'xvfb-run --auto-servernum npm test'],
      ["runner.os != 'Linux'", 'npm test'],
    ]);
  });

  it('installs poppler before the tests where the poster PDF specs need it', () => {
    const poppler = steps.filter((step) => /poppler/.test(step.run ?? ''));
    expect(poppler.map((step) => step.if)).toEqual(["runner.os == 'Linux'", "runner.os == 'macOS'", "runner.os == 'Windows'"]);
    for (const step of poppler) expect(steps.indexOf(step)).toBeLessThan(steps.indexOf(runs(/\bnpm test\b/)[0]!));
  });

  it('never downloads browsers with Playwright: it uses the runner’s Chrome', () => {
    expect(text).not.toMatch(/playwright\s+install/);
    expect(job!.env?.CHROMIUM_PATH).toBe('${{ matrix.chromium }}');
  });

  it('builds the installers after the tests with --publish never and uploads them as artifacts', () => {
    const dist = runs(/electron-builder|npm run dist/);
    expect(dist).toHaveLength(1);
    expect(dist[0]!.run).toMatch(/npm run dist -- --publish never/);
    expect(text).not.toMatch(/--publish\s+(always|onTag|onTagOrDraft)/);
    expect(steps.indexOf(dist[0]!)).toBeGreaterThan(steps.indexOf(runs(/\bnpm test\b/).at(-1)!));
    const upload = steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@') && step.if === undefined);
    expect(upload).toHaveLength(1);
    expect(String(upload[0]!.with?.path)).toMatch(/release\/\*\.exe[\s\S]*release\/\*\.dmg[\s\S]*release\/\*\.AppImage[\s\S]*release\/\*\.deb/);
  });

  it('reads signing secrets only in the packaging step, and needs none to pass', () => {
    const withSecrets = steps.filter((step) => JSON.stringify(step).includes('secrets.'));
    expect(withSecrets).toEqual([expect.objectContaining({ run: expect.stringMatching(/npm run dist/) })]);
    expect(text).not.toMatch(/GH_TOKEN|GITHUB_TOKEN/);
  });
});
