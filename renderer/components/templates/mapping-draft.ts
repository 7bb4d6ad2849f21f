/** The parameter-mapping editor's draft, shared by the Templates page and the campaign form. */
import type { ParameterMapping } from '../../../shared/domain/campaigns';
import { slotKey, type TemplateSlot } from '../../../shared/domain/templates/render';

/**
 * Per placeholder: a contact field, fixed text, (Templates page only) typed when sending, or `unset` — not chosen
 * yet: a campaign's placeholders start so, since a default such as the customer's name sends nonsense for "{{offer}}".
 */
export type SlotChoice = 'ask' | 'unset' | 'name' | 'phone' | 'text';

/** What the editor holds per placeholder; text and fallback survive switching the choice back and forth. */
export interface SlotDraft {
  choice: SlotChoice;
  text: string;
  fallback: string;
}

/** Placeholder key (`body.1`) → its draft. */
export type MappingDraft = Record<string, SlotDraft>;

/** A draft for the template's placeholders from a saved mapping; placeholders it does not fill start as `unmapped`. */
export function draftOf(slots: readonly TemplateSlot[], saved: ParameterMapping | undefined, unmapped: SlotChoice): MappingDraft {
  const draft: MappingDraft = {};
  for (const slot of slots) {
    const source = saved?.[slotKey(slot)];
    draft[slotKey(slot)] =
      source?.kind === 'text'
        ? { choice: 'text', text: source.text, fallback: '' }
        : source?.kind === 'field'
          ? { choice: source.field, text: '', fallback: source.fallback ?? '' }
          : { choice: unmapped, text: '', fallback: '' };
  }
  return draft;
}

/** The mapping of a draft: "type it when sending" and unchosen placeholders are left out; only a name has a fallback. */
export function mappingOf(draft: MappingDraft): ParameterMapping {
  const mapping: ParameterMapping = {};
  for (const [key, { choice, text, fallback }] of Object.entries(draft)) {
    if (choice === 'text') mapping[key] = { kind: 'text', text };
    else if (choice === 'phone') mapping[key] = { kind: 'field', field: 'phone' };
    else if (choice === 'name') mapping[key] = { kind: 'field', field: 'name', ...(fallback.trim() ? { fallback: fallback.trim() } : {}) };
  }
  return mapping;
}

/** The placeholder key a contract error points at (`slots.body.1` or `mapping.body.1` → `body.1`). */
export function invalidSlot(field: string | undefined): string | undefined {
  const match = /^(?:slots|mapping)\.((?:header|body)\.[a-z0-9_]+)/i.exec(field ?? '');
  return match?.[1];
}

/** The placeholder keys of a campaign draft still to choose (unset), in slot order: each is an error of the form. */
export function unsetSlots(draft: MappingDraft): string[] {
  return Object.entries(draft)
    .filter(([, entry]) => entry.choice === 'unset')
    .map(([key]) => key);
}
