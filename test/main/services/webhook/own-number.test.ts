import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../../main/services/webhook/events';
import { isForOtherNumber, type OwnNumber } from '../../../../main/services/webhook/own-number';

const OWN: OwnNumber = { phoneNumberId: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '15550783881' };

/** The events of one webhook change, as the receiver parses them. */
function events(field: string, value: Record<string, unknown>, wabaId = OWN.wabaId) {
  return parseWebhookPayload({ object: 'whatsapp_business_account', entry: [{ id: wabaId, time: 1790000000, changes: [{ field, value }] }] }, 0).events;
}

const message = (metadata: Record<string, string> | undefined) =>
  events('messages', {
    messaging_product: 'whatsapp',
    ...(metadata ? { metadata } : {}),
    messages: [{ from: '16505551234', id: 'wamid.A', timestamp: '1790000000', type: 'text', text: { body: 'STOP' } }],
  })[0]!;

describe('isForOtherNumber', () => {
  it('keeps messages for our phone_number_id and drops those for another, or naming none', () => {
    expect(isForOtherNumber(message({ display_phone_number: '15550783881', phone_number_id: OWN.phoneNumberId }), OWN)).toBe(false);
    expect(isForOtherNumber(message({ display_phone_number: '15550783881', phone_number_id: '999' }), OWN)).toBe(true);
    expect(isForOtherNumber(message(undefined), OWN)).toBe(true);
  });

  it('matches quality reports on the display digits, whatever the formatting; by account alone while ours is unknown', () => {
    const quality = (display: string, wabaId = OWN.wabaId) => events('phone_number_quality_update', { display_phone_number: display, event: 'FLAGGED', current_limit: 'TIER_250' }, wabaId)[0]!;
    expect(isForOtherNumber(quality('+1 555-078-3881'), OWN)).toBe(false);
    expect(isForOtherNumber(quality('15550009999'), OWN)).toBe(true);
    expect(isForOtherNumber(quality('15550783881', '555'), OWN)).toBe(true);
    const unknownDisplay = { phoneNumberId: OWN.phoneNumberId, wabaId: OWN.wabaId };
    expect(isForOtherNumber(quality('15550009999'), unknownDisplay)).toBe(false);
    expect(isForOtherNumber(quality('15550009999', '555'), unknownDisplay)).toBe(true);
  });

  it('checks template reports by account', () => {
    const template = (wabaId: string) =>
      events('message_template_status_update', { event: 'PAUSED', message_template_id: 1, message_template_name: 'weekly_offer', message_template_language: 'en_US' }, wabaId)[0]!;
    expect(isForOtherNumber(template(OWN.wabaId), OWN)).toBe(false);
    expect(isForOtherNumber(template('555'), OWN)).toBe(true);
  });
});
