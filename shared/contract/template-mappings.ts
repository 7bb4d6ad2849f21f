import { z } from 'zod';
import { channel, NoArgs } from './define';

/** Where a template placeholder's value comes from when sending to a contact. */
export const SlotSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('name') }),
  z.object({ source: z.literal('phone') }),
  z.object({
    source: z.literal('fixed'),
    value: z.string().trim().min(1, 'Type the fixed value, or map this placeholder to a contact field.').max(1024, 'Keep each value under 1,024 characters.'),
  }),
]);
export type SlotSource = z.infer<typeof SlotSourceSchema>;

const SlotKeySchema = z.string().regex(/^(header|body)\.[a-z0-9_]+$/i, 'A placeholder key looks like body.1 or body.first_name.');

/** A template's saved parameter mapping: placeholder key (`body.1`) → source. */
export const TemplateMappingSchema = z.object({
  name: z.string(),
  language: z.string(),
  slots: z.record(z.string(), SlotSourceSchema),
  updatedAt: z.string(),
});
export type TemplateMapping = z.infer<typeof TemplateMappingSchema>;

/** Saved parameter mappings of templates (stored in main, per template name and language). */
export const templateMappingChannels = {
  'templates:mappings': channel(NoArgs, z.object({ mappings: z.array(TemplateMappingSchema) })),
  'templates:saveMapping': channel(
    z.object({
      name: z.string().min(1, 'Choose a template.'),
      language: z.string().min(2, 'Choose a template language.'),
      slots: z.record(SlotKeySchema, SlotSourceSchema),
    }),
    TemplateMappingSchema,
    { owner: true },
  ),
};

/** The values a mapping gives for one contact (`body.1` → "Ana"); unmapped or empty sources are left out. */
export function applyMapping(slots: Record<string, SlotSource>, contact: { name: string; phone: string }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, source] of Object.entries(slots)) {
    const value = source.source === 'fixed' ? source.value : source.source === 'name' ? contact.name : contact.phone;
    if (value.trim()) values[key] = value;
  }
  return values;
}
