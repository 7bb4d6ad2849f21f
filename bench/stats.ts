/** Today dashboard at shop scale: start-up scan of 300,000 consent events, then stats:today with 100,000 outbox items. */
import type { ConsentEvent } from '../shared/domain/consent/event';
import { StatsService } from '../main/services/stats';

const EVENTS = 300_000;
const CONTACTS = 100_000;
const OUTBOX = 100_000;
const now = Date.parse('2025-06-30T12:00:00Z');
const methods = ['in_person', 'web_widget', 'whatsapp_keyword', 'import'] as const;
const types = ['confirmed', 'confirmed', 'welcomed', 'revoked'] as const;

async function* events(): AsyncGenerator<ConsentEvent> {
  for (let i = 0; i < EVENTS; i++) {
    const at = now - Math.floor((i / EVENTS) * 365 * 86_400_000);
    yield {
      id: String(i).padStart(26, '0'),
      contactId: `c${i % CONTACTS}`,
      type: types[i % types.length]!,
      method: methods[i % methods.length]!,
      occurredAt: new Date(at).toISOString(),
    } as ConsentEvent;
    // A real scan reads the log in chunks; let the event loop breathe the same way.
    if (i % 5000 === 0) await new Promise((r) => setImmediate(r));
  }
}

const items = Array.from({ length: OUTBOX }, (_, i) => ({
  state: ['sent', 'delivered', 'read', 'failed', 'queued'][i % 5]!,
  createdAt: now - (i % 120) * 86_400_000,
  updatedAt: now - (i % 120) * 86_400_000 + 60_000,
}));

let t = performance.now();
const stats = new StatsService({
  ledger: { onChange: () => () => undefined, allEvents: events },
  outboxItems: () => items,
  chatStats: () => [{ refCode: 'ABC', name: 'Window', days: [{ day: '2025-06-30', chats: 3 }] }],
  now: () => new Date(now),
});
await stats.ready;
console.log(`stats: start-up tally of ${EVENTS.toLocaleString('en')} events: ${(performance.now() - t).toFixed(0)} ms`);
for (const days of [7, 30, 90]) {
  t = performance.now();
  const runs = 20;
  let optIns = 0;
  for (let i = 0; i < runs; i++) optIns = (await stats.today(days)).optIns.reduce((n, d) => n + d.total, 0);
  console.log(`stats: stats:today(${days}) with ${OUTBOX.toLocaleString('en')} outbox items: ${((performance.now() - t) / runs).toFixed(1)} ms per call (${optIns} opt-ins in window)`);
}
const mb = process.memoryUsage().heapUsed / 1e6;
console.log(`stats: heap after: ${mb.toFixed(0)} MB`);
