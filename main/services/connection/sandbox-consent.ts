/**
 * Consent made in the sandbox stays in the sandbox. A simulated START or JOIN is recorded with the `sandbox` method
 * so the owner can try the whole flow offline; before the app talks to the real Cloud API, every opt-in that still
 * rests on such a simulation is closed again, so no live message is ever sent on the strength of a simulation.
 */
import { CONSENT_PURPOSES, SANDBOX_METHOD, type ConsentPurpose } from '../../../shared/domain/consent/event';
import type { ConsentLedger, EventDraft } from '../consent/ledger';

/** `source` of the events that close sandbox-made opt-ins when the shop leaves the sandbox. */
export const SANDBOX_ENDED_SOURCE = 'sandbox:ended';

/**
 * Records, for every contact and purpose whose opt-in came from a sandbox simulation, a revocation marked as made in
 * the sandbox. Why a revocation: the log is append-only and a revocation is the only event that ends an opt-in;
 * an opt-out is always safe to honour, and afterwards only the customer's own explicit act (never an import or a
 * staff toggle) opens it again — the right bar for a number whose only "consent" was a simulation. A purpose that a
 * real confirmation renewed after the simulation is left alone. Idempotent; returns how many events were written.
 */
export async function retireSandboxOptIns(ledger: Pick<ConsentLedger, 'search' | 'eventsOf' | 'recordMany'>, now: () => Date): Promise<number> {
  const { records } = ledger.search({ state: 'opted_in', method: SANDBOX_METHOD, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const items: { contactId: string; drafts: EventDraft[] }[] = [];
  for (const record of records) {
    const simulated = CONSENT_PURPOSES.filter((p) => record.derived[p].state === 'opted_in' && record.derived[p].method === SANDBOX_METHOD);
    if (simulated.length === 0) continue;
    const events = await ledger.eventsOf(record.id);
    const renewedForReal = (purpose: ConsentPurpose) =>
      events.some((e) => e.purpose === purpose && e.type === 'confirmed' && e.method !== SANDBOX_METHOD && e.occurredAt >= (record.derived[purpose].since ?? ''));
    const purposes = simulated.filter((p) => !renewedForReal(p));
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
