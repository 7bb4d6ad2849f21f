/** A template as the catalogue describes it (the fields rendering needs). */
export interface TemplateShape {
  name: string;
  language: string;
  category?: string;
  parameter_format?: string;
  components?: { type: string; format?: string; text?: string }[];
}

/** One placeholder of a template: where it is and what it is called ("1", "first_name"). */
export interface TemplateSlot {
  component: 'header' | 'body';
  key: string;
}

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/gi;

function textOf(template: TemplateShape, type: 'HEADER' | 'BODY' | 'FOOTER'): string | undefined {
  const component = template.components?.find((c) => c.type.toUpperCase() === type);
  if (!component || (type === 'HEADER' && component.format && component.format.toUpperCase() !== 'TEXT')) return undefined;
  return component.text;
}

/** The placeholders to fill, header first, each once, in order of appearance. */
export function templateSlots(template: TemplateShape): TemplateSlot[] {
  const slots: TemplateSlot[] = [];
  for (const component of ['header', 'body'] as const) {
    const text = textOf(template, component === 'header' ? 'HEADER' : 'BODY') ?? '';
    const seen = new Set<string>();
    for (const match of text.matchAll(PLACEHOLDER)) {
      const key = match[1]!;
      if (seen.has(key)) continue;
      seen.add(key);
      slots.push({ component, key });
    }
  }
  return slots;
}

/** Values keyed `header.1`, `body.1`, `body.first_name`. */
export type SlotValues = Record<string, string>;

/** Key of a slot in SlotValues. */
export const slotKey = (slot: TemplateSlot): string => `${slot.component}.${slot.key}`;

/** The message as the customer will read it; unfilled placeholders stay visible as [1] so the preview shows gaps. */
export function renderTemplate(template: TemplateShape, values: SlotValues): { header?: string; body: string; footer?: string } {
  const fill = (component: 'header' | 'body', text: string) =>
    text.replace(PLACEHOLDER, (_, key: string) => values[`${component}.${key}`]?.trim() || `[${key}]`);
  const header = textOf(template, 'HEADER');
  const footer = textOf(template, 'FOOTER');
  return {
    ...(header ? { header: fill('header', header) } : {}),
    body: fill('body', textOf(template, 'BODY') ?? ''),
    ...(footer ? { footer } : {}),
  };
}

/** Slots left empty, so a send can be refused before it reaches Meta (132000). */
export function missingSlots(template: TemplateShape, values: SlotValues): TemplateSlot[] {
  return templateSlots(template).filter((slot) => !values[slotKey(slot)]?.trim());
}

type TextParameter = { type: 'text'; text: string; parameter_name?: string };

/** The `components` array of a template send: text parameters in slot order (named ones carry their name). */
export function toSendComponents(
  template: TemplateShape,
  values: SlotValues,
): { type: 'header' | 'body'; parameters: TextParameter[] }[] {
  const named = template.parameter_format?.toUpperCase() === 'NAMED';
  const components: { type: 'header' | 'body'; parameters: TextParameter[] }[] = [];
  for (const component of ['header', 'body'] as const) {
    const parameters = templateSlots(template)
      .filter((slot) => slot.component === component)
      .map((slot) => ({
        type: 'text' as const,
        text: values[slotKey(slot)]?.trim() ?? '',
        ...(named ? { parameter_name: slot.key } : {}),
      }));
    if (parameters.length > 0) components.push({ type: component, parameters });
  }
  return components;
}
