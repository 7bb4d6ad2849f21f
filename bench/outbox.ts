/**
 * Outbox benchmark against the Cloud API emulator: a 10,000-message campaign at the default 80 msg/s (sustained
 * rate, throughput errors, duplicates, sends without consent), then the sender's ceiling at a 1,000 msg/s setting.
 * The emulator runs in its own process, as Meta would be on another machine, so its work does not slow the sender.
 * Run: npx tsx bench/outbox.ts            (about 2.5 minutes)
 *      npx tsx bench/outbox.ts --quick    (2,000 messages at 80/s)
 *      npx tsx bench/outbox.ts --only=campaign | --only=sender
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCloudClient } from '../main/services/cloud';
import { Outbox, type OutboxInput } from '../main/services/outbox';
import { DataStore } from '../main/services/store';
import type { SentRecord } from '../tools/cloud-emulator';

const quick = process.argv.includes('--quick');

interface RunResult {
  accepted: number;
  ratePerSecond: number;
  maxInAnySecond: number;
  throughputErrors: number;
  pairErrors: number;
  duplicates: number;
  sendsWithoutConsent: number;
  skipped: number;
  seconds: number;
}

async function run(label: string, limit: number, messages: number, refuseEvery: number): Promise<RunResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-outbox-'));
  const emulator = await startEmulatorProcess(limit);
  const store = await DataStore.open({ dir });
  const client = createCloudClient({
    baseUrl: emulator.url,
    phoneNumberId: emulator.phoneNumberId,
    wabaId: emulator.wabaId,
    getAccessToken: () => emulator.accessToken,
  });
  const refused = new Set<string>();
  const outbox = await Outbox.open({
    store,
    client,
    throughputPerSecond: limit,
    // The consent gate: every `refuseEvery`-th contact has no consent.
    gate: async (item) => (refused.has(item.contactId) ? { ok: false, reason: 'no_consent:utility' } : { ok: true }),
  });
  const inputs: OutboxInput[] = [];
  for (let i = 0; i < messages; i++) {
    const contactId = `contact-${i}`;
    if (refuseEvery > 0 && i % refuseEvery === 0) refused.add(contactId);
    inputs.push({
      contactId,
      to: `+1555${String(1_000_000 + i).padStart(7, '0')}`,
      kind: 'template',
      template: { name: 'hello_world', language: 'en_US', category: 'UTILITY', components: [] },
      origin: 'campaign',
      campaignId: 'bench',
    });
  }
  for (let i = 0; i < inputs.length; i += 1000) await outbox.enqueue(inputs.slice(i, i + 1000));
  const started = Date.now();
  outbox.start();
  const progress = setInterval(() => {
    const c = outbox.counts('bench');
    const elapsed = (Date.now() - started) / 1000;
    console.log(`  [${label}] ${elapsed.toFixed(0)} s: ${c.funnel.accepted} accepted, ${c.byState.skipped} skipped, ${c.byState.queued} queued (${(c.funnel.accepted / elapsed).toFixed(1)}/s)`);
  }, 10_000);
  await outbox.settled();
  clearInterval(progress);
  const seconds = (Date.now() - started) / 1000;
  await outbox.stop();

  const sent = (await emulator.get<{ data: SentRecord[] }>('sent')).data;
  const times = sent.map((s) => s.at).sort((a, b) => a - b);
  const perId = new Map<string, number>();
  for (const s of sent) perId.set(s.bizOpaqueCallbackData ?? '', (perId.get(s.bizOpaqueCallbackData ?? '') ?? 0) + 1);
  const refusedDigits = new Set(inputs.filter((i) => refused.has(i.contactId)).map((i) => i.to.slice(1)));
  const rejections = await emulator.get<Record<string, number>>('rejections');
  const result: RunResult = {
    accepted: sent.length,
    ratePerSecond: times.length > 1 ? ((times.length - 1) * 1000) / (times[times.length - 1]! - times[0]!) : 0,
    maxInAnySecond: maxInWindow(times),
    throughputErrors: rejections['130429'] ?? 0,
    pairErrors: rejections['131056'] ?? 0,
    duplicates: [...perId.values()].filter((n) => n > 1).length,
    sendsWithoutConsent: sent.filter((s) => refusedDigits.has(s.to)).length,
    skipped: outbox.counts('bench').byState.skipped,
    seconds,
  };
  await store.close();
  emulator.process.kill();
  await fs.rm(dir, { recursive: true, force: true });
  return result;
}

/** The emulator CLI in a child process, with its control routes read over HTTP. */
async function startEmulatorProcess(limit: number) {
  const cli = path.resolve(import.meta.dirname, '../tools/cloud-emulator/cli.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, '--throughput', String(limit), '--pair-interval-ms', '6000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<{ url: string; phoneNumberId: string; wabaId: string; accessToken: string; controlToken: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    ...info,
    process: child,
    get: async <T>(route: string): Promise<T> =>
      (await (await fetch(`${info.url}/_emulator/${route}`, { headers: { 'x-emulator-token': info.controlToken } })).json()) as T,
  };
}

function maxInWindow(times: number[]): number {
  let best = 0;
  for (let i = 0, head = 0; i < times.length; i++) {
    while (times[head]! <= times[i]! - 1000) head++;
    best = Math.max(best, i - head + 1);
  }
  return best;
}

function report(label: string, limit: number, r: RunResult): boolean {
  const share = (r.ratePerSecond / limit) * 100;
  console.log(`${label}:`);
  console.log(`  accepted ${r.accepted} in ${r.seconds.toFixed(1)} s, skipped by the consent gate ${r.skipped}`);
  console.log(`  sustained rate ${r.ratePerSecond.toFixed(1)} msg/s = ${share.toFixed(1)} % of ${limit}/s (most in any one second: ${r.maxInAnySecond})`);
  console.log(`  130429 throughput errors ${r.throughputErrors}, 131056 pair errors ${r.pairErrors}`);
  console.log(`  duplicates ${r.duplicates}, sends without consent ${r.sendsWithoutConsent}`);
  return r.duplicates === 0 && r.sendsWithoutConsent === 0;
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
let ok = true;
if (only === undefined || only === 'campaign') {
  const campaignSize = quick ? 2_000 : 10_000;
  console.log(`Campaign of ${campaignSize} at 80 msg/s (every 10th contact without consent)…`);
  const campaign = await run('80/s', 80, campaignSize, 10);
  ok = report(`Campaign at 80 msg/s`, 80, campaign) && ok;
  const campaignOk = campaign.ratePerSecond >= 0.95 * 80 && campaign.throughputErrors === 0;
  console.log(`  target ≥ 95 % of the allowed rate, no throughput errors: ${campaignOk ? 'met' : 'NOT met'}`);
}
if (only === undefined || only === 'sender') {
  console.log(`\nSender at a 1,000 msg/s setting (10,000 messages)…`);
  const fast = await run('1000/s', 1000, 10_000, 0);
  ok = report('Sender at 1,000 msg/s', 1000, fast) && ok;
  console.log(`  target ≥ 900 msg/s: ${fast.ratePerSecond >= 900 ? 'met' : 'NOT met'}`);
}
process.exit(ok ? 0 : 1);
