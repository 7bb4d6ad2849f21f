import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../support/app-harness';

/** The web bridge's caller context (no owner PIN set up, so owner-gated channels are open). */
const web = { transport: 'web-bridge' } as const;
const HINDI_500 = [...'नमस्ते, मुझे आपकी दुकान के बारे में जानकारी चाहिए। '.repeat(12)].slice(0, 500).join('');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function harnessWithShop() {
  const h = await openHarness();
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Kirana', country: 'IN', phone: '9812345678', locale: 'hi', mode: 'live_later' }, web);
  return h;
}

describe('posters and QR PNGs that would not print right are typed refusals, not internal errors', () => {
  it('500 Hindi characters: Save as PDF and Download PNG answer message_too_long_for_qr on the message field', async () => {
    const h = await harnessWithShop();
    const created = (await h.dispatch('entryPoints:create', { kind: 'qr', name: 'Till', prefilledMessage: HINDI_500 }, web)) as any;
    expect(created.ok).toBe(true);
    const printed = (await h.dispatch('posters:print', { ids: [created.value.id], action: 'pdf' }, web)) as any;
    expect(printed.ok).toBe(false);
    expect(printed.error).toMatchObject({ code: 'message_too_long_for_qr', field: 'prefilledMessage' });
    expect(printed.error.message).toMatch(/shorten it by at least \d+ characters/);
    const png = (await h.dispatch('entryPoints:qrPng', { id: created.value.id }, web)) as any;
    expect(png.error).toMatchObject({ code: 'message_too_long_for_qr' });
    expect(h.errors).toEqual([]);
  });

  it('a sticker sheet with an 80-character headline: poster_text_too_long on the headline', async () => {
    const h = await harnessWithShop();
    const headline = 'Chat with Kirana on WhatsApp for orders, bookings and opening times today!!!!!!!';
    const created = (await h.dispatch('entryPoints:create', { kind: 'qr', name: 'Till', style: { posterSize: 'sticker-sheet', headline } }, web)) as any;
    const printed = (await h.dispatch('posters:print', { ids: [created.value.id], action: 'pdf' }, web)) as any;
    expect(printed.error).toMatchObject({ code: 'poster_text_too_long', field: 'style.headline' });
    expect(printed.error.message).toMatch(/keep the headline to \d+ characters \(it has 80\)/);
  });
});
