/** The campaign form's rules for what must be filled, all found at once, each tied to the control to fix. */
import type { TFunction } from 'i18next';
import type { FieldError } from '../forms/use-form-errors';
import type { MappingDraft } from '../templates/mapping-draft';

/** Prefix of the placeholder controls' ids: `campaign-slot-body.1-source`. */
export const SLOT_PREFIX = 'campaign-slot';

/** What the rules look at. */
export interface CampaignFormValues {
  name: string;
  /** `name|language`, or '' when none is chosen. */
  template: string;
  hasTemplates: boolean;
  country: string;
  slots: MappingDraft;
}

const slotName = (key: string) => `{{${key.split('.').slice(1).join('.')}}}`;

/** Every problem of the form in the order of its controls (the first is focused). */
export function campaignErrors(v: CampaignFormValues, t: TFunction): FieldError[] {
  const errors: FieldError[] = [];
  if (!v.name.trim()) errors.push({ field: 'campaign-name', message: t('campaigns.journey.errors.name') });
  if (!v.template) errors.push({ field: v.hasTemplates ? 'campaign-template' : '', message: t('campaigns.journey.errors.template') });
  if (v.country.trim() && !/^[a-z]{2}$/i.test(v.country.trim())) errors.push({ field: 'campaign-country', message: t('campaigns.journey.errors.country') });
  for (const [key, entry] of Object.entries(v.slots)) {
    if (entry.choice === 'unset') errors.push({ field: `${SLOT_PREFIX}-${key}-source`, message: t('campaigns.journey.errors.slot', { slot: slotName(key) }) });
    else if (entry.choice === 'text' && !entry.text.trim()) errors.push({ field: `${SLOT_PREFIX}-${key}-text`, message: t('campaigns.journey.errors.slotText', { slot: slotName(key) }) });
  }
  return errors;
}

/** The control main's refusal is about (`name`, `template`, `audience.filters.country`, `mapping.body.1`), or null. */
export function controlFor(field: string | undefined, slots: MappingDraft): string | null {
  if (field === 'name') return 'campaign-name';
  if (field === 'template') return 'campaign-template';
  if (field === 'audience.filters.country') return 'campaign-country';
  const slot = /^mapping\.((?:header|body)\.[a-z0-9_]+)/i.exec(field ?? '')?.[1];
  if (slot) return `${SLOT_PREFIX}-${slot}-${slots[slot]?.choice === 'text' ? 'text' : 'source'}`;
  return null;
}
