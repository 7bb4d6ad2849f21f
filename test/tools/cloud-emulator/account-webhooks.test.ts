import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../main/services/webhook/events';
import { startCloudEmulator, type CloudEmulator } from '../../../tools/cloud-emulator';
import { startCollector } from './collector';

let emu: CloudEmulator;
let hooks: Awaited<ReturnType<typeof startCollector>>;
const api = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${emu.url}/v23.0/${path}`, { ...init, headers: { authorization: `Bearer ${emu.accessToken}`, 'content-type': 'application/json' } });
  return { status: response.status, json: await response.json() };
};
const sendTemplate = (name: string) =>
  api(`${emu.phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name, language: { code: 'en_US' } } }) });
const control = (route: string, payload: unknown) =>
  fetch(`${emu.url}/_emulator/${route}`, { method: 'POST', headers: { 'x-emulator-token': emu.controlToken, 'content-type': 'application/json' }, body: JSON.stringify(payload) });

beforeAll(async () => {
  hooks = await startCollector();
  emu = await startCloudEmulator({ pairIntervalMs: 0, webhookUrl: hooks.url, appSecret: 'shh' });
});
afterAll(async () => {
  await emu.close();
  await hooks.close();
});
beforeEach(() => emu.control.reset());
afterEach(async () => {
  await emu.control.idle();
  hooks.posts.length = 0;
});

describe('template status changes', () => {
  it('change the catalogue at once and post Meta’s signed template status webhook', async () => {
    await emu.control.setTemplateStatus('hello_world', 'en_US', 'PAUSED');
    expect((await sendTemplate('hello_world')).json.error.code).toBe(132015);
    const listed = (await api(`${emu.wabaId}/message_templates?limit=100`)).json.data.find((t: any) => t.name === 'hello_world');
    expect(listed.status).toBe('PAUSED');

    expect(hooks.posts).toHaveLength(1);
    const post = hooks.posts[0]!;
    expect(post.signature).toBe(`sha256=${createHmac('sha256', 'shh').update(post.body).digest('hex')}`);
    expect(post.json).toMatchObject({ object: 'whatsapp_business_account', entry: [{ id: emu.wabaId, time: expect.any(Number), changes: [{ field: 'message_template_status_update' }] }] });
    expect(post.json.entry[0].changes[0].value).toMatchObject({
      event: 'PAUSED', message_template_id: 1387372356726671, message_template_name: 'hello_world', message_template_language: 'en_US', reason: 'NONE', other_info: { title: 'FIRST_PAUSE' },
    });
    const { events, problems } = parseWebhookPayload(post.json, 0);
    expect(problems).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ kind: 'template_status', event: 'PAUSED', templateId: '1387372356726671', name: 'hello_world', language: 'en_US' })]);

    await emu.control.setTemplateStatus('hello_world', 'en_US', 'APPROVED');
    expect((await sendTemplate('hello_world')).status).toBe(200);
    expect(hooks.posts[1]!.json.entry[0].changes[0].value.event).toBe('APPROVED');
  });

  it('can change silently (accounts not subscribed), and ignore templates it does not have', async () => {
    await emu.control.setTemplateStatus('weekly_offer', 'en_US', 'DISABLED', { webhook: false });
    await emu.control.setTemplateStatus('no_such_template', 'en_US', 'PAUSED');
    expect(hooks.posts).toEqual([]);
    const data = (await api(`${emu.wabaId}/message_templates?limit=100`)).json.data;
    expect(data.find((t: any) => t.name === 'weekly_offer').status).toBe('DISABLED');
    expect(data.some((t: any) => t.name === 'no_such_template')).toBe(false);
  });

  it('are driven over HTTP too, with Meta’s reason', async () => {
    expect((await control('template-status', { name: 'weekly_offer', language: 'en_US', status: 'REJECTED', reason: 'INVALID_FORMAT' })).status).toBe(200);
    expect(hooks.posts[0]!.json.entry[0].changes[0].value).toMatchObject({ event: 'REJECTED', reason: 'INVALID_FORMAT', message_template_category: 'MARKETING' });
  });
});

describe('number quality updates', () => {
  it('post the quality webhook and move what the phone number reports', async () => {
    await emu.control.simulateQualityUpdate({ event: 'FLAGGED' });
    expect((await api(emu.phoneNumberId)).json.quality_rating).toBe('RED');
    await emu.control.simulateQualityUpdate({ event: 'DOWNGRADE', currentLimit: 'TIER_250' });
    await emu.control.simulateQualityUpdate({ event: 'UNFLAGGED' });
    expect((await api(emu.phoneNumberId)).json.quality_rating).toBe('GREEN');

    const values = hooks.posts.map((p) => {
      expect(p.json.entry[0].changes[0].field).toBe('phone_number_quality_update');
      return p.json.entry[0].changes[0].value;
    });
    expect(values).toEqual([
      { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_250' },
      { display_phone_number: '15550783881', event: 'DOWNGRADE', current_limit: 'TIER_250' },
      { display_phone_number: '15550783881', event: 'UNFLAGGED', current_limit: 'TIER_250' },
    ]);
    expect(parseWebhookPayload(hooks.posts[0]!.json, 0).events).toEqual([expect.objectContaining({ kind: 'quality_update', event: 'FLAGGED', currentLimit: 'TIER_250' })]);
  });

  it('report the previous limit when it moves, over HTTP too, and refuse nonsense', async () => {
    expect((await control('quality', { event: 'UPGRADE', currentLimit: 'TIER_2K' })).status).toBe(200);
    expect(hooks.posts[0]!.json.entry[0].changes[0].value).toEqual({ display_phone_number: '15550783881', event: 'UPGRADE', current_limit: 'TIER_2K', old_limit: 'TIER_250' });
    expect((await control('quality', { event: 'flagged!' })).status).toBe(400);
    expect((await control('quality', { event: 'DOWNGRADE', currentLimit: '250' })).status).toBe(400);
    await expect(emu.control.simulateQualityUpdate({} as never)).rejects.toThrow(/event/);
    expect(hooks.posts).toHaveLength(1);
  });

  it('are forgotten on reset', async () => {
    await emu.control.simulateQualityUpdate({ event: 'FLAGGED', currentLimit: 'TIER_10K' });
    await emu.control.reset();
    expect((await api(emu.phoneNumberId)).json.quality_rating).toBe('GREEN');
    await emu.control.simulateQualityUpdate({ event: 'UPGRADE', currentLimit: 'TIER_2K' });
    expect(hooks.posts.at(-1)!.json.entry[0].changes[0].value.old_limit).toBe('TIER_250');
  });
});
