/** Webhook receiver answer time: 2,000 signed status callbacks, sequential and 8 in flight. Target: median ≤ 250 ms. */
import { performance } from 'node:perf_hooks';
import { signPayload } from '../main/services/cloud/signature';
import { createWebhookReceiver } from '../main/services/webhook/receiver';

const COUNT = 2000;
const SECRET = 'bench-secret';
let handled = 0;
const receiver = createWebhookReceiver({ verifyToken: 'v', getAppSecret: () => SECRET, onPayload: (b) => void (handled += b.events.length) });
const { url } = await receiver.start();

const bodies = Array.from({ length: COUNT }, (_, i) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
      statuses: [{ id: `wamid.bench${i}`, status: ['sent', 'delivered', 'read'][i % 3], timestamp: '1750030073', recipient_id: '16505551234',
        biz_opaque_callback_data: `outbox-${i}`, pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } }],
    } }] }],
  }),
);

async function post(body: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, SECRET) }, body });
  await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return performance.now() - t0;
}

function report(label: string, times: number[], wallMs: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  console.log(`${label}: ${times.length} callbacks, median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, ${(times.length / (wallMs / 1000)).toFixed(0)}/s`);
}

for (let i = 0; i < 50; i++) await post(bodies[i]!); // warm-up (these become duplicates below, which is also realistic)

let t = performance.now();
const sequential: number[] = [];
for (const body of bodies) sequential.push(await post(body));
report('webhook sequential', sequential, performance.now() - t);

t = performance.now();
const concurrent: number[] = [];
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (next < bodies.length) concurrent.push(await post(bodies[next++]!));
}));
report('webhook 8 in flight (replays, deduped)', concurrent, performance.now() - t);
console.log(`handled events: ${handled} (expected ${COUNT}), duplicates: ${receiver.stats().duplicates}`);
await receiver.close();
