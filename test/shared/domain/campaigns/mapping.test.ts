import { describe, expect, it } from 'vitest';
import { missingFor, readMapping, readSlotSource, valuesFor } from '../../../../shared/domain/campaigns';
import type { TemplateShape } from '../../../../shared/domain/templates/render';

const weekly: TemplateShape = { name: 'weekly_offer', language: 'en_US', components: [{ type: 'BODY', text: 'Hi {{first_name}}, this week: {{offer}}.' }] };

describe('valuesFor', () => {
  it('fills fields from the contact, uses the fallback for an empty name, and leaves unmapped slots out', () => {
    const mapping = { 'body.first_name': { kind: 'field', field: 'name', fallback: 'there' } } as const;
    expect(valuesFor(weekly, mapping, { name: ' ', phone: '+34600111001' })).toEqual({ 'body.first_name': 'there' });
    expect(valuesFor(weekly, { ...mapping, 'body.offer': { kind: 'text', text: ' 2x1 ' } }, { name: 'Ana', phone: '+34600111001' })).toEqual({
      'body.first_name': 'Ana',
      'body.offer': '2x1',
    });
    expect(missingFor(weekly, mapping, { name: 'Ana', phone: '+34600111001' })).toEqual(['body.offer']);
  });
});

describe('reading stored slot sources', () => {
  it('reads the older `source` format as the same choice', () => {
    expect(readSlotSource({ source: 'name' })).toEqual({ kind: 'field', field: 'name' });
    expect(readSlotSource({ source: 'phone' })).toEqual({ kind: 'field', field: 'phone' });
    expect(readSlotSource({ source: 'fixed', value: 'A-17' })).toEqual({ kind: 'text', text: 'A-17' });
  });

  it('keeps today’s format as it is and leaves out what it cannot read', () => {
    expect(readSlotSource({ kind: 'field', field: 'name', fallback: 'there' })).toEqual({ kind: 'field', field: 'name', fallback: 'there' });
    expect(readSlotSource({ kind: 'text', text: '2x1' })).toEqual({ kind: 'text', text: '2x1' });
    for (const odd of [null, 'name', { source: 'email' }, { kind: 'field', field: 'email' }, { source: 'fixed' }]) expect(readSlotSource(odd)).toBeUndefined();
    expect(readMapping({ 'body.1': { source: 'name' }, 'body.2': { source: 'nope' }, 'body.3': { kind: 'text', text: 'x' } })).toEqual({
      'body.1': { kind: 'field', field: 'name' },
      'body.3': { kind: 'text', text: 'x' },
    });
  });
});
