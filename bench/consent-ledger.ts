/**
 * The consent ledger at shop scale, through the real services: 100,000 contacts with 300,000 consent events.
 * Prints: opening the data at start, logging one in-person opt-in durably (p50/p99), contact search (p95).
 * Targets (product.md §9): open ≤ 1 s, opt-in p99 ≤ 10 ms, search p95 ≤ 30 ms.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../main/services/app-services';
import type { EventDraft } from '../main/services/consent/ledger';

const CONTACTS = Number(process.env.CONTACTS ?? 100_000);
const EVENTS_PER_CONTACT = 3;
const SAMPLES = 1_000;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const verdict = (value: number, target: number) => (value <= target ? 'OK' : 'MISSED');

const FIRST = ['Ana', 'Luis', 'Priya', 'João', 'Marta', 'Wei', 'Fatima', 'Carlos', 'Sofía', 'Arjun', 'Lucía', 'Omar'];
const LAST = ['García', 'Silva', 'Sharma', 'Santos', 'López', 'Chen', 'Khan', 'Pérez', 'Costa', 'Patel', 'Müller', 'Ruiz'];

async function main(): Promise<void> {
  // KEEP_DIR reuses (or keeps) a built data folder, to profile start-up without rebuilding it.
  const keep = process.env.KEEP_DIR;
  const dataDir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'od-bench-ledger-')));
  const reuse = keep !== undefined && (await readdir(keep).catch(() => [])).length > 0;
  const now = () => new Date();
  let services = await createAppServices({ dataDir, runtime: 'web-bridge', version: 'bench', now });
  // Measured without a Cloud API connection: this is the cost of recording consent, not of sending (welcomes queue).
  await services.profile.save({ businessName: 'Bench Shop', country: 'ES', phone: '612345678', locale: 'es', mode: 'live_later' });
  const statement = await services.texts.render('optin_statement', 'es', { business: 'Bench Shop', purposes: ['marketing', 'utility'], phone: 'este número' });

  if (!reuse) {
  console.log(`Building ${CONTACTS.toLocaleString()} contacts with ${(CONTACTS * EVENTS_PER_CONTACT).toLocaleString()} events…`);
  const build0 = performance.now();
  const BATCH = 1_000;
  for (let start = 0; start < CONTACTS; start += BATCH) {
    const items: { contactId: string; drafts: EventDraft[] }[] = [];
    for (let i = start; i < Math.min(CONTACTS, start + BATCH); i++) {
      const phone = `+346${String(10_000_000 + i).padStart(8, '0')}`;
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
      const { record } = await services.ledger.ensureContact({ phone, name });
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      // Built as an import (as a shop with this many contacts would have): imports queue no welcome messages.
      const base = { recordedBy: 'bench', occurredAt: at, evidence: { fileName: 'customers.csv', row: i + 1, attester: 'owner' }, source: 'customers.csv', locale: 'es' } as const;
      items.push({
        contactId: record.id,
        drafts: [
          { ...base, type: 'confirmed', purpose: 'utility', method: 'import', textShown: statement.text, textVersion: statement.version },
          { ...base, type: 'confirmed', purpose: 'marketing', method: 'import', textShown: statement.text, textVersion: statement.version },
          i % 5 === 0
            ? { ...base, type: 'revoked', purpose: 'marketing', method: 'import' }
            : { ...base, type: 'welcomed', purpose: 'utility', method: 'import' },
        ],
      });
    }
    await services.ledger.recordMany(items);
  }
  console.log(`built in ${((performance.now() - build0) / 1000).toFixed(1)} s`);
  }
  await services.close();

  const open0 = performance.now();
  services = await createAppServices({ dataDir, runtime: 'web-bridge', version: 'bench', now });
  const openMs = performance.now() - open0;
  // Staff log opt-ins once the app is up, not while start-up work (the dashboard's first tally) still runs.
  const ready0 = performance.now();
  await services.stats.ready;
  const readyMs = performance.now() - ready0;

  const version = (await services.texts.current('optin_statement', 'es')).version;
  const optIn: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await services.optIns.optInInPerson({
      phone: `7${String(10_000_000 + i).padStart(8, '0')}`,
      name: `Walk-in ${i}`,
      purposes: ['utility'],
      staffMember: 'bench',
      statementVersion: version,
      locale: 'es',
      source: 'counter',
      deviceName: 'bench till',
    });
    optIn.push(performance.now() - t0);
  }

  const queries = ['ana', 'garcía', 'SOFIA', 'joão sant', '612 0004', '+34 610 000 123', '0034610012345', 'patel 77', 'zzz', 'lu'];
  services.ledger.search({ text: 'warm-up', offset: 0, limit: 100 });
  const search: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    services.ledger.search({ text: queries[i % queries.length]!, offset: 0, limit: 100 });
    search.push(performance.now() - t0);
  }
  const filtered0 = performance.now();
  const optedOut = services.ledger.search({ text: '', purpose: 'marketing', state: 'opted_out', offset: 0, limit: 100 });
  const filteredMs = performance.now() - filtered0;

  console.log(`\nconsent ledger, ${services.ledger.size.toLocaleString()} contacts / ${services.ledger.eventCount.toLocaleString()} events`);
  console.log(`  open the data at start:        ${ms(openMs)}  (target ≤ 1000 ms) ${verdict(openMs, 1000)}`);
  console.log(`  dashboard tally in background:  ${ms(readyMs)} more after open`);
  console.log(`  in-person opt-in, durable:     p50 ${ms(pct(optIn, 50))}  p99 ${ms(pct(optIn, 99))}  (target p99 ≤ 10 ms) ${verdict(pct(optIn, 99), 10)}`);
  console.log(`  contact search:                p50 ${ms(pct(search, 50))}  p95 ${ms(pct(search, 95))}  (target p95 ≤ 30 ms) ${verdict(pct(search, 95), 30)}`);
  console.log(`  filter "marketing opted out":  ${ms(filteredMs)} → ${optedOut.total.toLocaleString()} contacts`);
  await services.close();
  if (!keep) await rm(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
