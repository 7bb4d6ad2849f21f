import { describe, expect, it } from 'vitest';
import { createEntryPoint, updateEntryPoint } from '../../../../shared/domain/entry-points/entry-point';
import { DEFAULT_STYLE, EntryPointSchema } from '../../../../shared/domain/entry-points/types';
import { isValidRefCode } from '../../../../shared/domain/entry-points/ref-code';

const NOW = '2025-03-01T10:00:00.000Z';
const LATER = '2025-03-02T10:00:00.000Z';
let tick = 0;
const random = () => ((tick++ * 0.381966) % 1);
const ctx = { id: 'ep1', now: NOW, existingRefCodes: ['Z9X4'], random };

describe('createEntryPoint', () => {
  it('fills defaults, generates a fresh ref and produces a valid stored entry point', () => {
    const result = createEntryPoint({ kind: 'qr', name: '  Front window  ', prefilledMessage: 'Hola' }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entry = result.entryPoint;
    expect(entry).toMatchObject({ id: 'ep1', kind: 'qr', name: 'Front window', prefilledMessage: 'Hola', createdAt: NOW, updatedAt: NOW });
    expect(entry.style).toEqual(DEFAULT_STYLE);
    expect(isValidRefCode(entry.refCode)).toBe(true);
    expect(entry.refCode).not.toBe('Z9X4');
    expect(EntryPointSchema.parse(entry)).toEqual(entry);
  });

  it('accepts a typed ref code (normalised) and style overrides', () => {
    const result = createEntryPoint(
      { kind: 'button', name: 'Site', refCode: ' table5 ', style: { colour: '#25D366', size: 'large', position: 'inline' } },
      ctx,
    );
    expect(result.ok && result.entryPoint.refCode).toBe('TABLE5');
    expect(result.ok && result.entryPoint.style).toMatchObject({ colour: '#25D366', size: 'large', position: 'inline', headline: DEFAULT_STYLE.headline });
  });

  it('explains what is wrong, field by field', () => {
    const result = createEntryPoint(
      { kind: 'fax', name: '', refCode: 'OIO1', style: { colour: 'green', delaySeconds: -1, logoDataUrl: 'https://x/logo.png' } },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
    expect(byField.kind).toMatch(/direct, link/);
    expect(byField.name).toMatch(/Give the entry point a name/);
    expect(byField.refCode).toMatch(/0, O, 1 and I/);
    expect(byField['style.colour']).toMatch(/#075E54/);
    expect(byField['style.delaySeconds']).toMatch(/negative/);
    expect(byField['style.logoDataUrl']).toMatch(/PNG, JPEG/);
  });

  it('refuses a ref code another entry point uses, in any case', () => {
    const result = createEntryPoint({ kind: 'link', name: 'x', refCode: 'z9x4' }, ctx);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'refCode' })] });
  });

  it('refuses a popup with no trigger', () => {
    const result = createEntryPoint({ kind: 'popup', name: 'x', style: { delaySeconds: 0, scrollPercent: 0, exitIntent: false } }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/at least one trigger/);
  });
});

describe('updateEntryPoint', () => {
  const created = createEntryPoint({ kind: 'qr', name: 'Till 1', style: { logoDataUrl: 'data:image/png;base64,AAAA' } }, ctx);
  if (!created.ok) throw new Error('setup');
  const current = created.entryPoint;

  it('merges a partial style and keeps the rest', () => {
    const result = updateEntryPoint(current, { id: 'ep1', name: 'Till 2', style: { posterSize: 'A5' } }, { now: LATER, otherRefCodes: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entryPoint).toMatchObject({ name: 'Till 2', refCode: current.refCode, createdAt: NOW, updatedAt: LATER });
    expect(result.entryPoint.style.posterSize).toBe('A5');
    expect(result.entryPoint.style.logoDataUrl).toBe('data:image/png;base64,AAAA');
  });

  it('removes the logo when sent null', () => {
    const result = updateEntryPoint(current, { id: 'ep1', style: { logoDataUrl: null } }, { now: LATER, otherRefCodes: [] });
    expect(result.ok && 'logoDataUrl' in result.entryPoint.style).toBe(false);
  });

  it('refuses a taken ref, a wrong id and invalid values without changing anything', () => {
    const before = structuredClone(current);
    expect(updateEntryPoint(current, { id: 'ep1', refCode: 'Z9X4' }, { now: LATER, otherRefCodes: ['Z9X4'] }).ok).toBe(false);
    expect(updateEntryPoint(current, { id: 'other' }, { now: LATER, otherRefCodes: [] }).ok).toBe(false);
    expect(updateEntryPoint(current, { id: 'ep1', style: { scrollPercent: 150 } }, { now: LATER, otherRefCodes: [] }).ok).toBe(false);
    expect(current).toEqual(before);
  });
});
