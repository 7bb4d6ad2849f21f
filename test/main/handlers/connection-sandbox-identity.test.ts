import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('Test connection in sandbox', () => {
  it('names the shop and its own number from the profile, not the emulator’s Lucky Shrub', async () => {
    const h = await openHarness({ sandbox: { pairIntervalMs: 0 } });
    close = h.close;
    await h.dispatch('profile:save', { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
    const result = (await h.dispatch('connection:test', {}, web)) as any;
    expect(result).toMatchObject({ ok: true, value: { verifiedName: 'Panadería Lucía', displayPhoneNumber: '34612345678' } });
    expect(JSON.stringify(result)).not.toContain('Lucky Shrub');
  });
});
