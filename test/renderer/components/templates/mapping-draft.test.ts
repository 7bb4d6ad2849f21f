import { describe, expect, it } from 'vitest';
import { draftOf, invalidSlot, mappingOf } from '../../../../renderer/components/templates/mapping-draft';
import { templateSlots } from '../../../../shared/domain/templates/render';

const slots = templateSlots({ name: 'order_ready', language: 'en_US', components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }, { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.' }] });

describe('the mapping editor draft', () => {
  it('prefills from a saved mapping and starts the placeholders it leaves open as asked', () => {
    const saved = { 'body.1': { kind: 'field', field: 'name', fallback: 'there' }, 'body.2': { kind: 'text', text: 'A-17' } } as const;
    expect(draftOf(slots, saved, 'text')).toEqual({
      'header.1': { choice: 'text', text: '', fallback: '' },
      'body.1': { choice: 'name', text: '', fallback: 'there' },
      'body.2': { choice: 'text', text: 'A-17', fallback: '' },
    });
    expect(draftOf(slots, undefined, 'name')['body.2']).toEqual({ choice: 'name', text: '', fallback: '' });
  });

  it('gives back the mapping it was drafted from, leaving out "type it when sending"', () => {
    const saved = { 'body.1': { kind: 'field', field: 'name', fallback: 'there' }, 'body.2': { kind: 'field', field: 'phone' } } as const;
    expect(mappingOf(draftOf(slots, saved, 'ask'))).toEqual(saved);
    // A fallback typed for the name does not follow the slot to another source.
    expect(mappingOf({ 'body.1': { choice: 'phone', text: '', fallback: 'there' }, 'body.2': { choice: 'text', text: 'A-17', fallback: '' } })).toEqual({
      'body.1': { kind: 'field', field: 'phone' },
      'body.2': { kind: 'text', text: 'A-17' },
    });
  });

  it('finds the placeholder an error points at on either channel', () => {
    expect(invalidSlot('slots.body.2')).toBe('body.2');
    expect(invalidSlot('mapping.header.1.text')).toBe('header.1');
    expect(invalidSlot('name')).toBeUndefined();
    expect(invalidSlot(undefined)).toBeUndefined();
  });
});
