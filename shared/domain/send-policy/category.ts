/** Template categories and the consent purpose each needs: the one mapping every form, gate and dry run uses. */
import type { ConsentPurpose } from '../consent/event';

/** Cloud API template categories; the gate uses the template's category at send time, not when queued. */
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

/** Every category Meta has, in the order forms list them. */
export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/** Which consent purpose a template category needs (authentication codes are service messages). */
export function purposeForCategory(category: TemplateCategory): ConsentPurpose {
  return category === 'MARKETING' ? 'marketing' : 'utility';
}

/**
 * A category as the catalogue spells it (any case), or `fallback` when it is missing or not one Meta defines.
 * Callers pass the category known when the message was queued as the fallback, so an unreadable catalogue entry
 * never turns a marketing message into a utility one.
 */
export function toTemplateCategory(value: string | null | undefined, fallback: TemplateCategory = 'UTILITY'): TemplateCategory {
  const upper = value?.toUpperCase();
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(upper ?? '') ? (upper as TemplateCategory) : fallback;
}

/** The purpose a template with this catalogue category needs (missing or unknown categories: utility). */
export function purposeForTemplate(category: string | null | undefined): ConsentPurpose {
  return purposeForCategory(toTemplateCategory(category));
}
