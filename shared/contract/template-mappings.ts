import { z } from 'zod';
import type { SlotSource } from '../domain/campaigns/types';
import { channel, NoArgs } from './define';

/**
 * What fills one template placeholder: a contact field (with a fallback for an empty one) or fixed text. The one
 * format of parameter mappings, saved per template on the Templates page and copied into each campaign.
 */
export const SlotSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('field'),
    field: z.enum(['name', 'phone']),
    fallback: z.string().trim().max(200, 'Keep the fallback under 200 characters.').optional(),
  }),
  z.object({
    kind: z.literal('text'),
    text: z.string().trim().min(1, 'Type the text for this placeholder, or fill it from a contact field.').max(1024, 'Keep each value under 1,024 characters.'),
  }),
]) satisfies z.ZodType<SlotSource>;
export type { SlotSource };

/** A placeholder key: `body.1`, `header.1`, `body.first_name`. */
export const SlotKeySchema = z.string().regex(/^(header|body)\.[a-z0-9_]+$/i, 'A placeholder key looks like body.1 or body.first_name.');

/** Placeholder key → source, as a caller sends it. */
export const ParameterMappingSchema = z.record(SlotKeySchema, SlotSourceSchema);

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
      slots: ParameterMappingSchema,
    }),
    TemplateMappingSchema,
    { owner: true },
  ),
};
