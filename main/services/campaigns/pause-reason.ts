/** Clear sentences for why a campaign stopped, from the outbox's pause reasons or Meta's account webhooks. */
import type { PauseCause } from '../../../shared/contract/campaigns';
import type { OutboxReason } from '../outbox';

/**
 * The cause behind an outbox pause reason; undefined for reasons the UI can only show as they are (a lowered limit
 * is only ever set with its cause, by the account webhooks, since the reason does not carry the new limit).
 */
export function pauseCause(reason: OutboxReason, template: string): PauseCause | undefined {
  if (reason.code === 132015 || reason.action === 'template_paused') return { kind: 'template_paused', template };
  if (reason.code === 132016 || reason.action === 'template_disabled') return { kind: 'template_disabled', template };
  if (reason.code === 131048) return { kind: 'spam_limit' };
  if (reason.action === 'quality_flagged') return { kind: 'quality_flagged' };
  if (reason.action === 'owner') return { kind: 'owner' };
  return undefined;
}

/** What the owner reads (in English; the renderer words `pauseCause` in the UI language) and what to do next. */
export function pauseCauseText(cause: PauseCause, code?: number): string {
  const ref = code === undefined ? '' : ` (${code})`;
  switch (cause.kind) {
    case 'template_paused':
      return `WhatsApp paused the template ${cause.template} because of low quality${ref}. Wait until it is active again (or edit it), then resume.`;
    case 'template_disabled':
      return `WhatsApp disabled the template ${cause.template}${ref}. It cannot be sent any more: cancel this campaign and use another template.`;
    case 'spam_limit':
      return 'WhatsApp limited this number because of spam reports or low quality (131048): every campaign is paused. Resume when the quality rating recovers.';
    case 'quality_flagged':
      return 'WhatsApp flagged the quality of your number as low: marketing campaigns are paused so it does not drop further (order and account updates keep going). Resume when the quality rating recovers.';
    case 'limit_lowered':
      return `WhatsApp lowered the messaging limit of your number to ${cause.limit ?? 'fewer'} customers a day: marketing campaigns are paused. Check what is left of the limit, then resume.`;
    case 'owner':
      return 'Paused by the owner.';
  }
}

/** What the owner reads when Meta (or they) paused the campaign, with what to do next. */
export function pauseReasonText(reason: OutboxReason, template: string): string {
  const cause = pauseCause(reason, template);
  return cause ? pauseCauseText(cause, reason.code) : reason.message;
}
