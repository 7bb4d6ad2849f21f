import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../support/app-harness';

/*
 * app:openExternal (a button in the app, e.g. a template's URL button) must agree with the link guards that handle a
 * clicked link: wa.me, sms: and mailto: always, and the extra hosts the shop configured in settings.json, nothing else.
 */
describe('app:openExternal', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('opens a configured extra host and still refuses every other one', async () => {
    const h = await openHarness();
    close = h.close;
    const call = (url: string) => h.dispatch('app:openExternal', { url }, { transport: 'electron' });

    expect(await call('https://shop.example.com/menu')).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'url' } });

    await h.services.settings.update((draft) => {
      (draft as unknown as Record<string, unknown>).externalLinkHosts = ['shop.example.com'];
    });
    expect(await call('https://shop.example.com/menu')).toEqual({ ok: true, value: { opened: true } });
    expect(await call('https://wa.me/34612345678')).toEqual({ ok: true, value: { opened: true } });
    expect(await call('https://evil.example.net/')).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
