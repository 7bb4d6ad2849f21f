import { afterEach, describe, expect, it } from 'vitest';
import { startCloudEmulator } from '../../tools/cloud-emulator';
import { startTwilioFake } from '../../tools/twilio-fake/server';
import { openHarness } from '../support/app-harness';

/*
 * In Electron the services' calls to the outside world go through an injected fetch (Chromium's net stack, which
 * honours the system proxy and the OS certificate store). Here a recording fetch wraps Node's, in front of the real
 * Cloud API emulator: the live client must use the injected one, not the global.
 */

const web = { transport: 'web-bridge' as const };
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

describe('the injected fetch', () => {
  it('carries the live Cloud API calls', async () => {
    const emulator = await startCloudEmulator({ webhookUrl: null, pairIntervalMs: 0 });
    cleanup.push(() => emulator.close());
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const h = await openHarness({ fetch: recording });
    cleanup.push(h.close);
    const saved = await h.dispatch(
      'connection:save',
      {
        baseUrl: emulator.url,
        phoneNumberId: emulator.phoneNumberId,
        wabaId: emulator.wabaId,
        accessToken: emulator.accessToken,
        webhookPort: 28787,
      },
      web,
    );
    expect(saved).toMatchObject({ ok: true });
    const tested = await h.dispatch('connection:test', {}, web);
    expect(tested).toMatchObject({ ok: true });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((url) => url.startsWith(emulator.url))).toBe(true);
  });

  it('carries the SMS requests to Twilio', async () => {
    const fake = await startTwilioFake();
    cleanup.push(() => fake.close());
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const h = await openHarness({ fetch: recording, sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
    cleanup.push(h.close);
    await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
    await h.services.remoteSettings.save({
      ...h.services.remoteSettings.get(),
      twilio: { accountSid: fake.accountSid, fromNumber: '+15005550006', baseUrl: fake.baseUrl },
      twilioAuthToken: fake.authToken,
    });
    await h.services.remoteRequests.send({ channel: 'sms', phone: '600112233', purposes: ['marketing'], via: 'provider', staffMember: 'Marta' });
    expect(fake.sent()).toHaveLength(1);
    expect(seen.some((url) => url.startsWith(fake.baseUrl))).toBe(true);
  });
});
