import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataStore } from '../../../../main/services/store/data-store';

/** SIGKILL count; CI runs the default. Each kill: child start (pre-bundled, ~60 ms) + 5–120 ms of writes + a check. */
const KILLS = Number(process.env.STORE_KILLS ?? 100);

type Contact = { id: string; rev: number };
type Ev = { id: string; contactId: string };

let work: string;
let childScript: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'store-durability-'));
  childScript = path.join(work, 'store-child.mjs');
  // Bundling once makes each child start in plain node without a TypeScript loader: the kill loop stays fast.
  await build({
    entryPoints: [path.resolve('test/fixtures/store-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
    // CommonJS dependencies (proper-lockfile) require Node built-ins: give the ESM bundle a require.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

interface ChildRun {
  events: string[];
  contacts: Map<string, number>;
  stderr: string;
  exitedByItself: boolean;
  filler: boolean;
}

/** Runs one child and SIGKILLs it: sometimes while it is still opening, mostly while it writes. */
function runAndKill(dir: string, run: number, random: () => number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, dir, `r${run}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: ChildRun = { events: [], contacts: new Map(), stderr: '', exitedByItself: true, filler: false };
    let buffered = '';
    const kill = () => {
      result.exitedByItself = false;
      child.kill('SIGKILL');
    };
    const early = random() < 0.15;
    if (early) setTimeout(kill, 10 + random() * 60);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, id, rev] = line.split(' ');
        if (kind === 'ready' && !early) setTimeout(kill, 5 + random() * 115);
        else if (kind === 'F') result.filler = true;
        else if (kind === 'E') result.events.push(id!);
        else if (kind === 'C') result.contacts.set(id!, Number(rev));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on('exit', () => resolve(result));
  });
}

describe('durability under SIGKILL', () => {
  it(
    `loses no acknowledged write and always reopens, over ${KILLS} kills at random instants`,
    async () => {
      const dir = path.join(work, 'data');
      let seed = 12345;
      const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      const acknowledged = new Set<string>();
      const lastRev = new Map<string, number>();
      let writesDuringRuns = 0;
      let tornTails = 0;
      let midCompaction = 0;
      let fillerAcknowledged = false;
      const started = performance.now();
      for (let run = 0; run < KILLS; run++) {
        const result = await runAndKill(dir, run, random);
        expect(result.exitedByItself, `child ${run} stopped by itself: ${result.stderr}`).toBe(false);
        for (const id of result.events) acknowledged.add(id);
        for (const [id, rev] of result.contacts) lastRev.set(id, rev);
        writesDuringRuns += result.events.length;
        fillerAcknowledged ||= result.filler;

        const store = await DataStore.open({ dir });
        const contacts = await store.collection<Contact>('contacts');
        const log = await store.eventLog<Ev>('events', { key: (e) => e.contactId });
        tornTails += [...contacts.openReports, log.openReport.journal].filter((r) => r.truncatedBytes > 0).length;
        if (contacts.openReports.length > 1) midCompaction += 1;
        const stored = new Set<string>();
        const perContact = new Map<string, number>();
        for await (const event of log.scan()) {
          expect(stored.has(event.id), `event ${event.id} stored twice`).toBe(false);
          stored.add(event.id);
          perContact.set(event.contactId, (perContact.get(event.contactId) ?? 0) + 1);
        }
        const missing = [...acknowledged].filter((id) => !stored.has(id));
        expect(missing, `after kill ${run}`).toEqual([]);
        for (const [id, rev] of lastRev) expect(contacts.get(id)?.rev ?? 0, `contact ${id} after kill ${run}`).toBeGreaterThanOrEqual(rev);
        if (fillerAcknowledged) expect(contacts.has('filler-2999')).toBe(true);
        // The index (checkpoint + replayed tail) agrees with the log itself.
        for (const [contactId, count] of perContact) expect(log.countFor(contactId)).toBe(count);
        await store.close();
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${KILLS} kills in ${seconds.toFixed(1)} s, ${writesDuringRuns} acknowledged events checked, ` +
          `${tornTails} torn tails cut, ${midCompaction} reopens after a kill during compaction`,
      );
      expect(acknowledged.size).toBeGreaterThan(KILLS);
      const files = await fs.readdir(dir);
      expect(files.some((name) => name.startsWith('contacts.snapshot'))).toBe(true);
    },
    180_000,
  );
});
