/** The send policy asked before anything is queued (the forms' "will not be sent" and the reply handler's refusal). */
import type { PolicyDecision } from '../../../shared/domain/send-policy/decide';
import { decideSend } from '../../../shared/domain/send-policy/decide';
import { toTemplateCategory } from '../../../shared/domain/send-policy/category';
import { AppError } from '../app-error';
import type { ConsentLedger } from '../consent/ledger';
import type { TemplatesService } from '../templates-service';
import { policyContact } from './consent-gate';

/** What the check reads. */
export interface SendCheckDeps {
  ledger: Pick<ConsentLedger, 'get' | 'heldFor'>;
  templates: Pick<TemplatesService, 'find'>;
  now: () => Date;
}

/** The message the owner is about to send. */
export type PlannedMessage = { kind: 'text' } | { kind: 'template'; name: string; language: string };

/**
 * The send policy's answer for this contact now, with the same inputs the outbox's gate will use at send time (so
 * "will be sent" here is what happens, unless the customer acts in between). Throws not_found for an unknown
 * contact or template.
 */
export function checkSend(deps: SendCheckDeps, contactId: string, message: PlannedMessage): PolicyDecision {
  const record = deps.ledger.get(contactId);
  const now = deps.now().getTime();
  if (message.kind === 'text') return decideSend(policyContact(record, deps.ledger), { kind: 'text', origin: 'reply' }, { now });
  const template = deps.templates.find(message.name, message.language);
  if (!template) throw new AppError('not_found', 'That template is not in the synced list. Sync templates and try again.', 'name');
  return decideSend(policyContact(record, deps.ledger), { kind: 'template', category: toTemplateCategory(template.category) }, { now });
}

const SENTENCES: Record<string, string> = {
  window_closed: 'The 24-hour window is closed: only an approved template can be sent now.',
  opted_out: 'The customer opted out: nothing but a template they agreed to can go, and free-form replies wait until they write again.',
  user_stopped_marketing: 'The customer stopped marketing messages in WhatsApp.',
  no_consent: 'The customer has not agreed to these messages.',
  pending: 'The customer has not confirmed yet.',
  bounced: 'This number cannot receive WhatsApp messages.',
  marketing_blocked_country: 'Meta does not deliver marketing templates to this country.',
};

/** A refusal as the typed error the UI shows (code = the policy's reason). */
export function refusalError(decision: Extract<PolicyDecision, { ok: false }>, field = 'text'): AppError {
  const since = decision.since ? ` (since ${decision.since.slice(0, 10)})` : '';
  return new AppError(decision.reason, `${SENTENCES[decision.reason] ?? 'This message cannot be sent.'}${since}`, field);
}
