import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../../main/services/webhook/events';

const wrap = (value: Record<string, unknown>, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'WABA', changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, ...value } }] }],
});

describe('parseWebhookPayload', () => {
  it('parses the inbound text example of cloud-api.md', () => {
    const { events, problems } = parseWebhookPayload(
      wrap({
        contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
        messages: [{ from: '16505551234', id: 'wamid.A', timestamp: '1749416383', type: 'text', text: { body: 'Hi! (ref: POSTER-1)' } }],
      }),
      42,
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'inbound', key: 'in:wamid.A', wabaId: 'WABA', phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881', receivedAt: 42,
        messageId: 'wamid.A', from: '16505551234', profileName: 'Sheena Nelson', timestampMs: 1749416383000, type: 'text', text: 'Hi! (ref: POSTER-1)',
        button: undefined, reply: undefined,
      }),
    ]);
  });

  it('parses quick-reply buttons, interactive replies, referrals and unknown types', () => {
    const { events } = parseWebhookPayload(
      wrap({
        messages: [
          { from: '1', id: 'b', timestamp: '1', type: 'button', button: { payload: 'STOP', text: 'Stop updates' } },
          { from: '1', id: 'i', timestamp: '1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } },
          { from: '1', id: 'l', timestamp: '1', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row', description: 'd' } } },
          { from: '1', id: 'r', timestamp: '1', type: 'text', text: { body: 'ad' }, referral: { source_url: 'https://fb.me/x', source_type: 'ad' } },
          { from: '1', id: 's', timestamp: '1', type: 'sticker', sticker: { id: 'm' } },
        ],
      }),
      0,
    );
    expect(events.map((e) => (e.kind === 'inbound' ? [e.type, e.button, e.reply, e.referral] : []))).toEqual([
      ['button', { payload: 'STOP', text: 'Stop updates' }, undefined, undefined],
      ['interactive', undefined, { kind: 'button_reply', id: 'yes', title: 'Yes', description: undefined }, undefined],
      ['interactive', undefined, { kind: 'list_reply', id: 'r1', title: 'Row', description: 'd' }, undefined],
      ['text', undefined, undefined, { source_url: 'https://fb.me/x', source_type: 'ad' }],
      ['sticker', undefined, undefined, undefined],
    ]);
  });

  it('parses statuses with pricing, callback data and errors mapped to actions', () => {
    const { events } = parseWebhookPayload(
      wrap({
        statuses: [
          { id: 'wamid.X', status: 'delivered', timestamp: '1750030073', recipient_id: '16505551234', biz_opaque_callback_data: 'outbox-42', pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } },
          { id: 'wamid.Y', status: 'failed', timestamp: '1750030074', recipient_id: '16505551234', errors: [{ code: 131050, title: 'stopped', message: 'm', error_data: { details: 'd' } }] },
        ],
      }),
      0,
    );
    expect(events[0]).toMatchObject({ kind: 'status', key: 'st:wamid.X:delivered', messageId: 'wamid.X', status: 'delivered', timestampMs: 1750030073000, bizOpaqueCallbackData: 'outbox-42', pricingCategory: 'utility', billable: true, errors: [] });
    expect(events[1]).toMatchObject({ kind: 'status', key: 'st:wamid.Y:failed', errors: [{ code: 131050, title: 'stopped', details: 'd', action: 'never_retry_stop', retryable: false }] });
  });

  it('parses user_preferences stops and top-level errors', () => {
    const { events } = parseWebhookPayload(
      {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'WABA',
            changes: [
              { field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: 'P' }, user_preferences: [{ wa_id: '16505551234', detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: 1731705721 }] } },
              { field: 'messages', value: { errors: [{ code: 131000, title: 'Something went wrong' }] } },
              { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT', phone_number: '15550783881' } },
            ],
          },
        ],
      },
      0,
    );
    expect(events.map((e) => e.kind)).toEqual(['user_preference', 'error', 'other']);
    expect(events[0]).toMatchObject({ waId: '16505551234', category: 'marketing_messages', value: 'stop', timestampMs: 1731705721000, phoneNumberId: 'P' });
    expect(events[1]).toMatchObject({ errors: [{ code: 131000, action: 'retry' }] });
    expect(events[2]).toMatchObject({ field: 'account_update' });
  });

  it('reports malformed parts as problems and ignores other objects', () => {
    expect(parseWebhookPayload({ nope: 1 }, 0)).toEqual({ events: [], problems: ['payload is not a webhook envelope'] });
    expect(parseWebhookPayload({ object: 'page', entry: [] }, 0).events).toEqual([]);
    const partial = parseWebhookPayload(wrap({ messages: [{ id: 'no-from' }, { from: '1', id: 'ok', timestamp: '1', type: 'text', text: { body: 'x' } }] }), 0);
    expect(partial.events.map((e) => e.key)).toEqual(['in:ok']);
    expect(partial.problems).toEqual(['messages[0] not understood']);
  });
});
