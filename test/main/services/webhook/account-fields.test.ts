import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../../main/services/webhook/events';

/** One account-level change as Meta posts it: no metadata, the trigger `time` on the entry. */
const change = (field: string, value: unknown, time: number | null = 1739321024) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', ...(time === null ? {} : { time }), changes: [{ field, value }] }],
});

const flagged = { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_10K' };
const paused = {
  event: 'PAUSED',
  message_template_id: 1689556908129832,
  message_template_name: 'spring_sale',
  message_template_language: 'en_US',
  reason: 'NONE',
  other_info: { title: 'FIRST_PAUSE', description: 'Your WhatsApp message template has been paused for 3 hours.' },
};

describe('phone_number_quality_update', () => {
  it('becomes a typed quality event carrying the limit and when Meta triggered it', () => {
    const { events, problems } = parseWebhookPayload(change('phone_number_quality_update', flagged), 5);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'quality_update', wabaId: '102290129340398', displayPhoneNumber: '15550783881', phoneNumberId: undefined, receivedAt: 5,
        event: 'FLAGGED', currentLimit: 'TIER_10K', oldLimit: undefined, occurredAtMs: 1739321024000,
      }),
    ]);
    expect(events[0]!.key).toMatch(/^quality:102290129340398:/);
  });

  it('reads the newer shape: old_limit, the portfolio limit instead of current_limit, and unknown extras', () => {
    const value = { display_phone_number: '15550783881', event: 'DOWNGRADE', old_limit: 'TIER_10K', max_daily_conversations_per_business: 'TIER_2K', max_daily_conversation_per_phone: 2000, something_new: { a: 1 } };
    const { events, problems } = parseWebhookPayload(change('phone_number_quality_update', value), 0);
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({ kind: 'quality_update', event: 'DOWNGRADE', currentLimit: 'TIER_2K', oldLimit: 'TIER_10K' });
  });

  it('gives a retry the same key, and a later report of the same event a new one', () => {
    const key = (time: number | null) => parseWebhookPayload(change('phone_number_quality_update', flagged, time), Math.random()).events[0]!.key;
    expect(key(1739321024)).toBe(key(1739321024));
    expect(key(1739321024)).not.toBe(key(1739925824));
    // Without a trigger time a repeat cannot be told from a retry: the arrival time stays out of the key.
    expect(key(null)).toBe(key(null));
  });

  it('orders a report without a trigger time by its arrival', () => {
    expect(parseWebhookPayload(change('phone_number_quality_update', flagged, null), 77).events[0]).toMatchObject({ occurredAtMs: 77 });
  });
});

describe('message_template_status_update', () => {
  it('becomes a typed template event with Meta’s reason and description', () => {
    const { events, problems } = parseWebhookPayload(change('message_template_status_update', paused), 0);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'template_status', event: 'PAUSED', templateId: '1689556908129832', name: 'spring_sale', language: 'en_US',
        reason: 'NONE', description: 'Your WhatsApp message template has been paused for 3 hours.', occurredAtMs: 1739321024000,
      }),
    ]);
    expect(events[0]!.key).toMatch(/^tpl:1689556908129832:PAUSED:/);
  });

  it('accepts a string id, a null reason (deletion) and a hyphenated language', () => {
    const value = { event: 'PENDING_DELETION', message_template_id: '42', message_template_name: 'old_promo', message_template_language: 'pt-BR', reason: null };
    const { events, problems } = parseWebhookPayload(change('message_template_status_update', value), 0);
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({ templateId: '42', language: 'pt_BR', reason: undefined, event: 'PENDING_DELETION' });
  });

  it('keys each status change of a template apart', () => {
    const keys = ['PAUSED', 'APPROVED', 'PAUSED'].map((event, i) => parseWebhookPayload(change('message_template_status_update', { ...paused, event }, 1739321024 + i), 0).events[0]!.key);
    expect(new Set(keys).size).toBe(3);
  });
});

describe('malformed account values', () => {
  it('become problems, and the rest of the payload still parses', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          time: 'not a number',
          changes: [
            { field: 'phone_number_quality_update', value: { display_phone_number: '15550783881' } },
            { field: 'phone_number_quality_update', value: { event: 42 } },
            { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'x' } },
            { field: 'message_template_status_update', value: { ...paused, message_template_id: { nested: true } } },
            { field: 'message_template_status_update', value: 'PAUSED' },
            { field: 'phone_number_quality_update', value: null },
            { field: 'phone_number_quality_update', value: { event: 'UNFLAGGED', current_limit: 'TIER_2K' } },
          ],
        },
      ],
    };
    const { events, problems } = parseWebhookPayload(payload, 9);
    expect(problems).toEqual([
      'change phone_number_quality_update: value not understood',
      'change phone_number_quality_update: value not understood',
      'change message_template_status_update: value not understood',
      'change message_template_status_update: value not understood',
      'change message_template_status_update: value is not an object',
      'change phone_number_quality_update: value is not an object',
    ]);
    // An unreadable trigger time falls back to the arrival time rather than to 1970.
    expect(events).toEqual([expect.objectContaining({ kind: 'quality_update', event: 'UNFLAGGED', currentLimit: 'TIER_2K', occurredAtMs: 9 })]);
  });
});
