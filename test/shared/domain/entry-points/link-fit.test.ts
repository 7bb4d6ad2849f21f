import { describe, expect, it } from 'vitest';
import { buildArtifacts, buildPosterBatch } from '../../../../shared/domain/entry-points/artifacts';
import { LinkFitError, MAX_LINK_LENGTH, QR_BYTE_CAPACITY, checkLinkFit, qrModules } from '../../../../shared/domain/entry-points/link-fit';
import { maxQrModules } from '../../../../shared/domain/entry-points/poster-layout';
import { DEFAULT_STYLE, type EntryPoint } from '../../../../shared/domain/entry-points/types';
import { entryPointLink } from '../../../../shared/domain/entry-points/wa-link';

const PHONE = '+919812345678';
const HINDI_500 = [...'नमस्ते, मुझे आपकी दुकान के बारे में जानकारी चाहिए। '.repeat(12)].slice(0, 500).join('');

function entry(prefilledMessage: string, style: Partial<EntryPoint['style']> = {}): EntryPoint {
  return {
    id: 'e1', kind: 'qr', name: 'Till', prefilledMessage, refCode: 'A7K2',
    style: { ...DEFAULT_STYLE, ...style }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
const shop = { businessName: 'Kirana', phoneE164: PHONE, phoneDisplay: '+91 98123 45678' };

describe('checkLinkFit: limits are about what fits, not characters typed', () => {
  it('500 Hindi characters: the link is too long and no QR at M holds it, with how much to shorten', () => {
    const fit = checkLinkFit(PHONE, entry(HINDI_500), { errorCorrection: 'M' });
    expect(fit.ok).toBe(false);
    if (fit.ok) return;
    const kinds = fit.problems.map((p) => p.kind);
    expect(kinds).toEqual(['link_too_long', 'qr_too_long']);
    const over = Math.max(...fit.problems.map((p) => p.over));
    const shortened = entry([...HINDI_500].slice(0, 500 - over).join(''));
    expect(checkLinkFit(PHONE, shortened, { errorCorrection: 'M' }).ok).toBe(true);
    expect(checkLinkFit(PHONE, entry([...HINDI_500].slice(0, 501 - over).join('')), { errorCorrection: 'M' }).ok).toBe(false);
    expect(entryPointLink(PHONE, shortened).length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
  });

  it('500 Latin characters fit a link and a QR', () => {
    expect(checkLinkFit(PHONE, entry('a'.repeat(500)), { errorCorrection: 'M' }).ok).toBe(true);
  });

  it('a higher error correction holds less: H refuses what L accepts', () => {
    const message = [...HINDI_500].slice(0, 200).join('');
    expect(checkLinkFit(PHONE, entry(message), { errorCorrection: 'L' }).ok).toBe(true);
    const h = checkLinkFit(PHONE, entry(message), { errorCorrection: 'H' });
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.problems[0]).toMatchObject({ kind: 'qr_too_long', errorCorrection: 'H' });
  });

  it('for a poster size, the code must be coarse enough to scan at the printed width', () => {
    const message = [...HINDI_500].slice(0, 100).join('');
    const link = entryPointLink(PHONE, entry(message));
    expect(qrModules(link, 'M')!).toBeGreaterThan(maxQrModules('sticker-sheet'));
    expect(checkLinkFit(PHONE, entry(message), { errorCorrection: 'M', posterSize: 'A4' }).ok).toBe(true);
    const sticker = checkLinkFit(PHONE, entry(message), { errorCorrection: 'M', posterSize: 'sticker-sheet' });
    expect(sticker.ok).toBe(false);
    if (!sticker.ok) expect(sticker.problems[0]).toMatchObject({ kind: 'qr_too_dense', size: 'sticker-sheet' });
  });
});

describe('the capacity table', () => {
  it('is the qrcode library’s byte-mode capacity, and a code the library draws is never larger than qrModules says', async () => {
    // @ts-expect-error -- the library's internals have no types; read here only to check the table.
    const Version = (await import('qrcode/lib/core/version.js')) as { getCapacity(v: number, l: unknown, m: unknown): number };
    // @ts-expect-error -- as above
    const Levels = (await import('qrcode/lib/core/error-correction-level.js')) as Record<string, unknown>;
    // @ts-expect-error -- as above
    const Mode = (await import('qrcode/lib/core/mode.js')) as { BYTE: unknown };
    for (const level of ['L', 'M', 'Q', 'H'] as const) {
      QR_BYTE_CAPACITY[level].forEach((capacity, i) => expect(capacity).toBe(Version.getCapacity(i + 1, Levels[level], Mode.BYTE)));
    }
    const QRCode = (await import('qrcode')).default;
    for (const n of [10, 60, 150]) {
      const link = entryPointLink(PHONE, entry([...HINDI_500].slice(0, n).join('')));
      expect(QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size + 8).toBeLessThanOrEqual(qrModules(link, 'M')!);
    }
  });
});

describe('artifacts and posters with a message no QR can hold', () => {
  it('buildArtifacts keeps the link, SMS and email, with no QR and the reason instead of throwing', () => {
    const a = buildArtifacts(entry(HINDI_500), shop);
    expect(a.link).toBe(entryPointLink(PHONE, entry(HINDI_500)));
    expect(a.qrSvg).toBe('');
    expect(a.qrProblem).toMatch(/too long for a QR code/);
  });

  it('buildPosterBatch refuses with a LinkFitError saying what to do, not the QR library’s error', () => {
    expect(() => buildPosterBatch([{ entry: entry(HINDI_500) }], shop)).toThrow(LinkFitError);
    expect(() => buildPosterBatch([{ entry: entry(HINDI_500) }], shop)).toThrow(/shorten it by at least \d+ characters/);
  });
});
