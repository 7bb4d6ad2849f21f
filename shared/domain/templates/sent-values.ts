import { renderTemplate, slotKey, templateSlots, type SlotValues, type TemplateShape } from './render';

/** One parameter of a template send as the Cloud API request carries it (only what reading it back needs). */
export interface SentParameter {
  type: string;
  text?: string;
  parameter_name?: string;
  currency?: { fallback_value: string };
  date_time?: { fallback_value: string };
}

/** One component of a template send (`header`, `body`, `button`…). */
export interface SentComponent {
  type: string;
  parameters?: readonly SentParameter[];
}

/**
 * The slot values a send carried, read back from its components: the inverse of `toSendComponents`, so positional
 * parameters map to the template's slots in the same order. Media parameters have no text and fill nothing.
 */
export function valuesFromSendComponents(template: TemplateShape, components: readonly SentComponent[]): SlotValues {
  const values: SlotValues = {};
  const slots = templateSlots(template);
  for (const part of ['header', 'body'] as const) {
    const sent = components.find((c) => c.type.toLowerCase() === part);
    if (!sent?.parameters) continue;
    const ordered = slots.filter((slot) => slot.component === part);
    sent.parameters.forEach((parameter, index) => {
      const text = parameter.text ?? parameter.currency?.fallback_value ?? parameter.date_time?.fallback_value;
      if (text === undefined) return;
      const slot = parameter.parameter_name ? { component: part, key: parameter.parameter_name } : ordered[index];
      if (slot) values[slotKey(slot)] = text;
    });
  }
  return values;
}

/** What the customer read for a template that was sent with these components. */
export function renderSent(template: TemplateShape, components: readonly SentComponent[]): ReturnType<typeof renderTemplate> {
  return renderTemplate(template, valuesFromSendComponents(template, components));
}
