import type { TemplateCategory } from '../../../shared/domain/send-policy/category';
import { toTemplateCategory } from '../../../shared/domain/send-policy/category';
import { decideSend, type PolicyContact, type PolicyDecision, type PolicyMessage } from '../../../shared/domain/send-policy/decide';
import type { ConsentLedger } from '../consent/ledger';
import type { ContactRecord } from '../consent/contact-record';
import type { GateDecision, OutboxItem } from '../outbox';
import type { TemplatesService } from '../templates-service';

/** What the gate reads: the ledger's current state (records and the revocations being recorded) and the catalogue. */
export interface ConsentGateDeps {
  /** heldFor may be missing in a bare stand-in for the ledger: nothing is then being recorded. */
  ledger: Pick<ConsentLedger, 'get'> & Partial<Pick<ConsentLedger, 'heldFor'>>;
  templates: Pick<TemplatesService, 'find'>;
  now: () => Date;
  staleAfterMonths?: number;
}

/** The send policy's view of a stored contact, with what the ledger is recording for it right now. */
export function policyContact(record: ContactRecord, ledger: Partial<Pick<ConsentLedger, 'heldFor'>>): PolicyContact {
  return {
    phone: record.phone,
    derived: record.derived,
    lastInboundAt: record.lastInboundAt,
    lastStopAt: record.lastStopAt,
    held: ledger.heldFor?.(record.id),
  };
}

/** The template's category now (the catalogue may have recategorised it since it was queued). */
export function currentCategory(templates: Pick<TemplatesService, 'find'>, template: { name: string; language: string; category: TemplateCategory }): TemplateCategory {
  return toTemplateCategory(templates.find(template.name, template.language)?.category, template.category);
}

/**
 * The consent gate. Synchronous, and it reads only memory: the outbox asks it once when an item is picked and again
 * in the same turn as the network call, so the answer is the ledger's state at the instant the request leaves.
 * The rules are the send policy's; this only gathers its inputs. A refusal means nothing reaches the API.
 */
export function createConsentGate(deps: ConsentGateDeps): (item: OutboxItem) => GateDecision {
  return (item) => {
    let record: ContactRecord;
    try {
      record = deps.ledger.get(item.contactId);
    } catch {
      return { ok: false, reason: 'unknown_contact' };
    }
    if (record.phone !== item.to) return { ok: false, reason: 'number_changed' };
    const message: PolicyMessage =
      item.kind === 'text'
        ? { kind: 'text', origin: item.origin }
        : { kind: 'template', category: currentCategory(deps.templates, item.template!), welcome: item.origin === 'welcome' };
    const decision: PolicyDecision = decideSend(policyContact(record, deps.ledger), message, {
      now: deps.now().getTime(),
      ...(deps.staleAfterMonths !== undefined ? { staleAfterMonths: deps.staleAfterMonths } : {}),
    });
    return decision.ok ? { ok: true } : { ok: false, reason: decision.reason };
  };
}
