/** Account-level webhook bodies (template status, number quality), shaped like Meta's: no metadata, a `time`. */
import type { EmulatorTemplate } from './types';

/** The Meta envelope around one account-level change. */
export function accountWebhook(wabaId: string, field: string, value: Record<string, unknown>, at: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, time: Math.floor(at / 1000), changes: [{ field, value }] }],
  });
}

/** The `message_template_status_update` value for a template that just moved to `status`. */
export function templateStatusValue(template: EmulatorTemplate, status: string, reason: string | undefined, at: number): Record<string, unknown> {
  const id = template.id ?? '0';
  const value: Record<string, unknown> = {
    event: status,
    // Meta sends the id as a JSON number.
    message_template_id: /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id,
    message_template_name: template.name,
    message_template_language: template.language,
    reason: reason ?? 'NONE',
    message_template_category: template.category,
  };
  if (status === 'PAUSED') {
    value.other_info = { title: 'FIRST_PAUSE', description: `Your WhatsApp message template ${template.name} has been paused for 3 hours because of low quality.` };
  }
  if (status === 'DISABLED') value.disable_info = { disable_date: Math.floor(at / 1000) };
  return value;
}

/** The `phone_number_quality_update` value. */
export function qualityValue(displayPhoneNumber: string, event: string, currentLimit: string, oldLimit: string): Record<string, unknown> {
  const value: Record<string, unknown> = { display_phone_number: displayPhoneNumber, event, current_limit: currentLimit };
  if (currentLimit !== oldLimit) value.old_limit = oldLimit;
  return value;
}
