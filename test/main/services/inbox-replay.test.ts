import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../main/services/webhook/events';
import { openHarness } from '../../support/app-harness';
import { tempDir } from '../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

function inbound(text: string, messageId: string): InboundEvent {
  return {
    kind: 'inbound',
    key: `in:${messageId}`,
    wabaId: 'w',
    phoneNumberId: 'p',
    displayPhoneNumber: undefined,
    receivedAt: Date.now(),
    messageId,
    from: '34600112233',
    profileName: 'Ana',
    timestampMs: Date.now(),
    type: 'text',
    text,
    button: undefined,
    reply: undefined,
    referral: undefined,
    contextMessageId: undefined,
    raw: {} as InboundEvent['raw'],
  };
}

describe('inbox replays', () => {
  it('handles a customer message once, even when Meta retries it after the app restarted', async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const first = await openHarness({ dataDir: tmp.dir });
    await first.dispatch('profile:save', { businessName: 'Shop', country: 'ES', phone: '612345678', locale: 'es', mode: 'live_later' }, web);
    const ep = (await first.dispatch('entryPoints:create', { kind: 'link', name: 'SMS link' }, web)) as any;
    const hello = inbound(`Hola! (ref ${ep.value.refCode})`, 'wamid.A0');
    const message = inbound('START', 'wamid.A1');
    await first.services.inbox.handle([hello, message]);
    await first.services.inbox.handle([hello, message]);
    await first.services.close();

    const second = await openHarness({ dataDir: tmp.dir });
    await second.services.inbox.handle([message, hello]);
    const contact = ((await second.dispatch('contacts:search', { text: '600112233' }, web)) as any).value.items[0];
    const events = ((await second.dispatch('contacts:get', { id: contact.id }, web)) as any).value.events;
    expect(events.filter((e: any) => e.type === 'confirmed')).toHaveLength(2);
    expect(events.every((e: any) => e.evidence.inboundMessageId === 'wamid.A1')).toBe(true);
    const stats = ((await second.dispatch('entryPoints:stats', {}, web)) as any).value;
    expect(stats[0].days[0].chats).toBe(1);
    await second.services.close();
  });
});
