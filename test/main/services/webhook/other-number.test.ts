import { afterEach, describe, expect, it } from 'vitest';
import { signPayload } from '../../../../main/services/cloud/signature';
import { startCloudEmulator } from '../../../../tools/cloud-emulator';
import { openHarness } from '../../../support/app-harness';
import { freePort } from '../../../support/child-app';
import { eventually } from '../../../support/eventually';

// Issue 12 item 6: a signed webhook about another business number (another phone_number_id, or a quality report for
// another display_phone_number) must change nothing here: no contact, consent, status or quality change. It is
// answered 200 (so Meta does not retry it) and counted.

const web = { transport: 'web-bridge' } as const;
const OTHER_ID = '999000111222333';
const OTHER_DISPLAY = '15550009999';
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function sandboxShop() {
  // No statuses of its own from the emulator: the test posts the only ones.
  const h = await openHarness({ sandbox: { statusDelays: { sent: null, delivered: null, read: null } as never, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Shop', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
  const emulator = h.services.runtime.emulator()!;
  const url = h.services.runtime.webhookUrl()!;
  /** Posts a payload signed with the app secret, as Meta would: a valid signature, whatever number it names. */
  const post = async (changes: { field: string; value: Record<string, unknown> }[]) => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: emulator.wabaId, time: Math.floor(Date.now() / 1000), changes }] });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, emulator.appSecret) }, body });
    expect(response.status).toBe(200);
  };
  const metadata = (phoneNumberId: string) => ({ display_phone_number: '15550783881', phone_number_id: phoneNumberId });
  const text = (phoneNumberId: string, from: string, body: string) => ({
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadata(phoneNumberId),
      contacts: [{ profile: { name: 'Someone' }, wa_id: from }],
      messages: [{ from, id: `wamid.${Math.random().toString(36).slice(2)}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
    },
  });
  return { h, emulator, post, metadata, text };
}

async function optIn(h: Awaited<ReturnType<typeof sandboxShop>>['h'], phone: string) {
  const version = ((await h.dispatch('consent:statement', { purposes: ['marketing', 'utility'] }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone, name: 'Ana', purposes: ['marketing', 'utility'], staffMember: 'Marta', statementVersion: version, locale: 'en', agreed: true },
    web,
  )) as any;
  return r.value.contact.id as string;
}

describe('webhooks about another business number change nothing', () => {
  it('a signed STOP for another number leaves our opted-in customer opted in; a START creates no contact', async () => {
    const { h, emulator, post, text } = await sandboxShop();
    const id = await optIn(h, '600500500');
    await post([text(OTHER_ID, '34600500500', 'STOP')]);
    await post([text(OTHER_ID, '34600500600', 'START')]);
    const contact = ((await h.dispatch('contacts:get', { id }, web)) as any).value;
    expect(contact.contact.consent.marketing.state).toBe('opted_in');
    expect((contact.events as any[]).map((e) => e.type)).not.toContain('revoked');
    expect(h.services.ledger.findByPhone('+34600500600')).toBeUndefined();
    expect(h.services.runtime.webhookStats?.()?.otherNumber).toBe(2);

    // The same STOP for our own number is applied: the test's payloads are otherwise right.
    await post([text(emulator.phoneNumberId, '34600500500', 'STOP')]);
    expect(((await h.dispatch('contacts:get', { id }, web)) as any).value.contact.consent.marketing.state).toBe('opted_out');
  });

  it('a status and a marketing stop (user_preferences) for another number change no message and no consent', async () => {
    const { h, emulator, post, metadata } = await sandboxShop();
    const id = await optIn(h, '600700700');
    await h.services.messaging.outbox.settled();
    const welcome = await eventually(
      async () => h.services.messaging.outbox.list({ contactId: id }),
      (items) => items.length === 1 && items[0]!.state === 'accepted',
    );
    const wamid = welcome[0]!.wamid!;
    const status = (phoneNumberId: string, state: string) => ({
      field: 'messages',
      value: { messaging_product: 'whatsapp', metadata: metadata(phoneNumberId), statuses: [{ id: wamid, status: state, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '34600700700', biz_opaque_callback_data: welcome[0]!.id }] },
    });
    await post([status(OTHER_ID, 'failed')]);
    await post([status(OTHER_ID, 'read')]);
    await post([{ field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata: metadata(OTHER_ID), user_preferences: [{ wa_id: '34600700700', detail: 'stop', category: 'marketing_messages', value: 'stop', timestamp: Math.floor(Date.now() / 1000) }] } }]);
    expect(h.services.messaging.outbox.get(welcome[0]!.id)!.state).toBe('accepted');
    expect(((await h.dispatch('contacts:get', { id }, web)) as any).value.contact.consent.marketing.state).toBe('opted_in');
    expect(h.services.runtime.webhookStats?.()?.otherNumber).toBe(3);

    await post([status(emulator.phoneNumberId, 'delivered')]);
    expect(h.services.messaging.outbox.get(welcome[0]!.id)!.state).toBe('delivered');
  });

  it('a quality report for another display number changes nothing; one for ours is applied', async () => {
    const { h, post } = await sandboxShop();
    const quality = (display: string, event: string) => ({ field: 'phone_number_quality_update', value: { display_phone_number: display, event, current_limit: 'TIER_250' } });
    await post([quality(OTHER_DISPLAY, 'FLAGGED')]);
    expect(h.services.account.numberHealth()).toBeUndefined();
    expect(h.services.runtime.webhookStats?.()?.otherNumber).toBe(1);
    await post([quality('15550783881', 'FLAGGED')]);
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: true, event: 'FLAGGED' });
  });

  it('in live mode: the number is the one in the settings, and "Test connection" teaches the display digits quality reports use', async () => {
    const port = await freePort();
    const live = await startCloudEmulator({ webhookUrl: null, displayPhoneNumber: '15550783881' });
    const h = await openHarness();
    close = async () => {
      await h.close();
      await live.close();
    };
    const saved = await h.dispatch(
      'connection:save',
      { phoneNumberId: live.phoneNumberId, wabaId: live.wabaId, baseUrl: live.url, webhookPort: port, accessToken: live.accessToken, appSecret: live.appSecret, verifyToken: 'verify' },
      web,
    );
    expect(saved).toMatchObject({ ok: true, value: { mode: 'live' } });
    expect(await h.dispatch('connection:test', {}, web)).toMatchObject({ ok: true, value: { displayPhoneNumber: '15550783881' } });
    const post = async (field: string, value: Record<string, unknown>) => {
      const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: live.wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }] });
      const response = await fetch(h.services.runtime.webhookUrl()!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, live.appSecret) }, body });
      expect(response.status).toBe(200);
    };
    const start = (phoneNumberId: string) => ({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
      messages: [{ from: '34600800800', id: `wamid.${phoneNumberId}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'START' } }],
    });
    await post('messages', start(OTHER_ID));
    await post('phone_number_quality_update', { display_phone_number: OTHER_DISPLAY, event: 'FLAGGED', current_limit: 'TIER_250' });
    expect(h.services.ledger.findByPhone('+34600800800')).toBeUndefined();
    expect(h.services.account.numberHealth()).toBeUndefined();
    expect(h.services.runtime.webhookStats()?.otherNumber).toBe(2);

    await post('messages', start(live.phoneNumberId));
    await post('phone_number_quality_update', { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_250' });
    expect(h.services.ledger.findByPhone('+34600800800')?.derived.marketing.state).toBe('opted_in');
    expect(h.services.account.numberHealth()).toMatchObject({ flagged: true });
  });
});
