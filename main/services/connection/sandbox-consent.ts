/**
 * Consent made in the sandbox stays in the sandbox. A simulated START or JOIN is recorded with a `sandbox:` source so
 * the owner can try the whole flow offline; before the app talks to the real Cloud API, every opt-in that still
 * rests on such a simulation is closed again, so no live message is ever sent on the strength of a simulation.
 */
import { CONSENT_PURPOSES, SANDBOX_METHOD, isSandboxEvent, type ConsentEvent, type ConsentPurpose } from '../../../shared/domain/consent/event';
import type { ConsentLedger, EventDraft } from '../consent/ledger';

/** `source` of the events that close sandbox-made opt-ins when the shop leaves the sandbox. */
export const SANDBOX_ENDED_SOURCE = 'sandbox:ended';

/**
 * True when the purpose's current opt-in was opened by a sandbox event and no real confirmation renewed it since.
 * Events are in stored order, which on one device is causal order.
 */
export function optInRestsOnSandbox(events: readonly ConsentEvent[], purpose: ConsentPurpose): boolean {
  let open: 'sandbox' | 'real' | undefined;
  for (const event of events) {
    if (event.purpose !== purpose) continue;
    if (event.type === 'revoked') open = undefined;
    else if (event.type === 'confirmed') {
      if (!isSandboxEvent(event)) open = 'real';
      else if (open === undefined) open = 'sandbox';
    }
  }
  return open === 'sandbox';
}

/**
 * Records, for every contact and purpose whose opt-in came from a sandbox simulation, a revocation of method
 * `sandbox` (the app's own record that the sandbox ended). Why a revocation: the log is append-only and a revocation
 * is the only event that ends an opt-in; an opt-out is always safe to honour, and afterwards only the customer's own
 * explicit act (never an import or a staff toggle) opens it again — the right bar for a number whose only "consent"
 * was a simulation. Simulated opt-ins come from simulated messages, so only contacts that wrote in are read.
 * Idempotent; returns how many events were written.
 */
export async function retireSandboxOptIns(ledger: Pick<ConsentLedger, 'search' | 'eventsOf' | 'recordMany'>, now: () => Date): Promise<number> {
  const { records } = ledger.search({ state: 'opted_in', offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const items: { contactId: string; drafts: EventDraft[] }[] = [];
  for (const record of records) {
    if (record.lastInboundAt === null) continue;
    const optedIn = CONSENT_PURPOSES.filter((p) => record.derived[p].state === 'opted_in');
    const events = await ledger.eventsOf(record.id);
    const purposes = optedIn.filter((p) => optInRestsOnSandbox(events, p));
    if (purposes.length === 0) continue;
    const occurredAt = now().toISOString();
    items.push({
      contactId: record.id,
      drafts: purposes.map((purpose) => ({
        type: 'revoked',
        purpose,
        method: SANDBOX_METHOD,
        source: SANDBOX_ENDED_SOURCE,
        evidence: { note: 'Sandbox mode ended: an opt-in simulated in the sandbox does not count for real messages.' },
        recordedBy: 'system',
        occurredAt,
      })),
    });
  }
  if (items.length > 0) await ledger.recordMany(items);
  return items.reduce((n, item) => n + item.drafts.length, 0);
}
