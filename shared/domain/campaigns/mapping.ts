/** Parameter mapping: turns a contact and the campaign's slot sources into template values. */
import { slotKey, templateSlots, type SlotValues, type TemplateShape } from '../templates/render';
import type { AudienceContact, ParameterMapping } from './types';

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
