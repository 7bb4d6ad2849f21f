/** Parameter mapping: turns a contact and a template's slot sources into template values. */
import { slotKey, templateSlots, type SlotValues, type TemplateShape } from '../templates/render';
import type { AudienceContact, ParameterMapping, SlotSource } from './types';

/** The values of every slot for this contact; a slot whose value ends up empty is left out (see missingFor). */
export function valuesFor(template: TemplateShape, mapping: ParameterMapping, contact: Pick<AudienceContact, 'name' | 'phone'>): SlotValues {
  const values: SlotValues = {};
  for (const slot of templateSlots(template)) {
    const key = slotKey(slot);
    const source = mapping[key];
    if (!source) continue;
    const raw = source.kind === 'text' ? source.text : contact[source.field].trim() || (source.fallback ?? '');
    if (raw.trim()) values[key] = raw.trim();
  }
  return values;
}

/** Slot keys the template needs that the mapping leaves empty for this contact (Meta would refuse with 132000). */
export function missingFor(template: TemplateShape, mapping: ParameterMapping, contact: Pick<AudienceContact, 'name' | 'phone'>): string[] {
  const values = valuesFor(template, mapping, contact);
  return templateSlots(template).map(slotKey).filter((key) => !values[key]);
}

/**
 * One stored slot source in today's format. Template mappings saved before there was one format said
 * `{ source: 'name' | 'phone' }` or `{ source: 'fixed', value }`; those still read, as the same choice.
 * Anything else (hand-edited, from a newer version) reads as undefined.
 */
export function readSlotSource(stored: unknown): SlotSource | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const s = stored as Record<string, unknown>;
  if (s.kind === 'field' && (s.field === 'name' || s.field === 'phone')) {
    return { kind: 'field', field: s.field, ...(typeof s.fallback === 'string' && s.fallback.trim() ? { fallback: s.fallback } : {}) };
  }
  if (s.kind === 'text' && typeof s.text === 'string') return { kind: 'text', text: s.text };
  if (s.source === 'name' || s.source === 'phone') return { kind: 'field', field: s.source };
  if (s.source === 'fixed' && typeof s.value === 'string') return { kind: 'text', text: s.value };
  return undefined;
}

/** A stored mapping in today's format: each slot through readSlotSource, unreadable ones left out. */
export function readMapping(stored: Record<string, unknown>): ParameterMapping {
  const mapping: ParameterMapping = {};
  for (const [key, value] of Object.entries(stored)) {
    const source = readSlotSource(value);
    if (source) mapping[key] = source;
  }
  return mapping;
}

/**
 * Slot keys filled from a contact field that is empty for this contact (the fallback, if any, stands in): the
 * previews show such a recipient so the owner sees what an empty name really sends.
 */
export function emptyFieldsFor(mapping: ParameterMapping, contact: Pick<AudienceContact, 'name' | 'phone'>): string[] {
  return Object.entries(mapping)
    .filter(([, source]) => source.kind === 'field' && !contact[source.field].trim())
    .map(([key]) => key);
}
