/** Clear sentences for why a campaign stopped, from the outbox's pause reasons. */
import type { OutboxReason } from '../outbox';

/** What the owner reads when Meta (or they) paused the campaign, with what to do next. */
export function pauseReasonText(reason: OutboxReason, template: string): string {
  switch (reason.code) {
    case 132015:
      return `WhatsApp paused the template ${template} because of low quality (132015). Wait until it is active again (or edit it), then resume.`;
    case 132016:
      return `WhatsApp disabled the template ${template} (132016). It cannot be sent any more: cancel this campaign and use another template.`;
    case 131048:
      return 'WhatsApp limited this number because of spam reports or low quality (131048): every campaign is paused. Resume when the quality rating recovers.';
    default:
      if (reason.action === 'owner') return 'Paused by the owner.';
      return reason.message;
  }
}
