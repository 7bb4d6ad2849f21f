import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloudEmulator, type CloudEmulator } from '../../../tools/cloud-emulator';

// The JSON examples of docs/cloud-api.md, verbatim where the emulator can match them.
const DOC_SEND = { messaging_product: 'whatsapp', contacts: [{ input: '+16505551234', wa_id: '16505551234' }], messages: [{ id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI', message_status: 'accepted' }] };
const DOC_ERROR = { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' }, error_subcode: 2494055, fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam' } };
const DOC_TEMPLATE = {
  id: '1387372356726668', name: 'order_ready', language: 'en_US', status: 'APPROVED', category: 'UTILITY', parameter_format: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order ready' },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }] },
  ],
};
const DOC_PHONE = { id: '106540352242922', display_phone_number: '15550783881', verified_name: 'Lucky Shrub', quality_rating: 'GREEN', code_verification_status: 'VERIFIED', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' } };
const DOC_QR = { code: '4O4YGZEG3RIVE1', prefilled_message: '…', deep_link_url: 'https://wa.me/message/4O4YGZEG3RIVE1', qr_image_url: 'https://…' };

/** Keys and value types, recursively (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [shape(value[0])];
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  return typeof value;
}

let emu: CloudEmulator;
const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${emu.url}/v23.0/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${init.token ?? emu.accessToken}`, 'content-type': 'application/json' },
  });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
const template = (extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234', type: 'template',
  template: { name: 'order_ready', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'A-1' }] }] },
  ...extra,
});

beforeAll(async () => {
  emu = await startCloudEmulator({ pairIntervalMs: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

describe('emulator shapes match docs/cloud-api.md', () => {
  it('send response', async () => {
    const response = await post(`${emu.phoneNumberId}/messages`, template());
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(shape(json)).toEqual(shape(DOC_SEND));
    expect(json.contacts[0]).toEqual({ input: '+16505551234', wa_id: '16505551234' });
    expect(json.messages[0].id).toMatch(/^wamid\.[A-Za-z0-9_-]{10,122}$/);
  });

  it('error envelope', async () => {
    emu.control.failNext(1, { code: 130429, subcode: 2494055, details: 'Cloud API message throughput has been reached.' });
    const response = await post(`${emu.phoneNumberId}/messages`, template());
    expect(response.status).toBe(429);
    const json = await response.json();
    expect(shape(json)).toEqual(shape(DOC_ERROR));
    expect(json.error).toMatchObject({ type: 'OAuthException', code: 130429, error_subcode: 2494055, error_data: DOC_ERROR.error.error_data });
  });

  it('template catalogue page', async () => {
    const response = await api(`${emu.wabaId}/message_templates?fields=name,language,status,category,components&limit=1`);
    const json = await response.json();
    expect(json.data).toEqual([DOC_TEMPLATE]);
    expect(Object.keys(json.paging.cursors).sort()).toEqual(['after', 'before']);
    const next = new URL(json.paging.next);
    expect(next.origin).toBe(emu.url);
    expect(next.searchParams.get('fields')).toBe('name,language,status,category,components');
    const last = await (await api(`${emu.wabaId}/message_templates?limit=100`)).json();
    expect(last.paging.next).toBeUndefined();
  });

  it('phone number', async () => {
    expect(await (await api(emu.phoneNumberId)).json()).toEqual(DOC_PHONE);
  });

  it('QR codes and short links', async () => {
    const created = await (await post(`${emu.phoneNumberId}/message_qrdls`, { prefilled_message: 'Hello', generate_qr_image: 'SVG' })).json();
    expect(shape(created)).toEqual(shape(DOC_QR));
    expect(created.code).toMatch(/^[A-Z0-9]{14}$/);
    const list = await (await api(`${emu.phoneNumberId}/message_qrdls`)).json();
    expect(list.data).toEqual([{ code: created.code, prefilled_message: 'Hello', deep_link_url: created.deep_link_url }]);
    const tooLong = await post(`${emu.phoneNumberId}/message_qrdls`, { prefilled_message: 'x'.repeat(141) });
    expect((await tooLong.json()).error.code).toBe(131009);
  });

  it('unknown object ids are refused like Graph does', async () => {
    const response = await api('999/messages', { method: 'POST', body: '{}' });
    const json = await response.json();
    expect(response.status).toBe(400);
    expect(json.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
