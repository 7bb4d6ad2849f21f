/**
 * The checks and views around a draft that the service calls: is it sendable (template, purpose, every slot
 * chosen), what the dry run shows (with a few rendered messages), and the refusal to start with an empty value.
 */
import { emptyValues, previewRecipients, type DryRunResult } from '../../../shared/domain/campaigns/dry-run';
import type { ParameterMapping } from '../../../shared/domain/campaigns/types';
import { purposeForCategory, type TemplateCategory } from '../../../shared/domain/consent/state';
import { renderTemplate, slotKey, templateSlots } from '../../../shared/domain/templates/render';
import type { DryRunView } from '../../../shared/contract/campaigns';
import { AppError } from '../app-error';
import type { CloudTemplate } from '../cloud/schemas';
import type { TemplatesService } from '../templates-service';
import { currentCategory } from './campaign-planner';
import type { CampaignRecord } from './campaign-record';

/** What a draft is made of (create and edit). */
export type CampaignDraft = Pick<CampaignRecord, 'name' | 'audience' | 'mapping'> & { template: { name: string; language: string } };

const SKIPPED_SHOWN = 2000;

/** The template a draft may use, or the reason it may not: approved, its category fits the purpose, every slot chosen. */
export function checkDraft(templates: TemplatesService, draft: CampaignDraft): { template: CloudTemplate; category: TemplateCategory } {
  const template = templates.find(draft.template.name, draft.template.language);
  if (!template) throw new AppError('not_found', 'That template is not in the synced list. Sync templates and try again.', 'template');
  if (template.status !== 'APPROVED') throw new AppError('template_not_approved', `The template is ${template.status.toLowerCase()}; only approved templates can be sent.`, 'template');
  const category = currentCategory(template, 'UTILITY');
  if (purposeForCategory(category) !== draft.audience.purpose) {
    throw new AppError('invalid_argument', `A ${category.toLowerCase()} template needs customers who agreed to ${purposeForCategory(category)} messages: choose that purpose.`, 'audience.purpose');
  }
  for (const slot of templateSlots(template)) {
    if (!draft.mapping[slotKey(slot)]) throw new AppError('invalid_argument', `Choose what fills {{${slot.key}}}.`, `mapping.${slotKey(slot)}`);
  }
  return { template, category };
}

/** The dry run as the UI shows it, with the exact messages of a few real recipients. */
export function dryRunView(result: DryRunResult, template: CloudTemplate, mapping: ParameterMapping): DryRunView {
  const first = result.send[0];
  return {
    audience: result.counts.audience,
    send: result.counts.send,
    skippedTotal: result.counts.skipped,
    byReason: result.counts.byReason as Record<string, number>,
    skipped: result.skipped.slice(0, SKIPPED_SHOWN),
    budget: result.budget,
    messages: result.counts.send,
    sample: first ? { name: first.name, phone: first.phone, values: first.values } : null,
    previews: previewRecipients(result, template, mapping).map((p) => ({
      contactId: p.contactId,
      name: p.name,
      phone: p.phone,
      ...renderTemplate(template, p.values),
      empty: p.empty,
      missing: p.missing,
    })),
    emptyValues: emptyValues(result),
  };
}

/** Start refuses while any consenting recipient would get an empty placeholder (Meta would send "Hi ," or refuse). */
export function refuseEmptyValues(result: DryRunResult): void {
  const { count, slots } = emptyValues(result);
  if (count === 0) return;
  const names = slots.map((key) => `{{${key.split('.')[1]}}}`).join(', ');
  throw new AppError(
    'empty_value',
    `${count} ${count === 1 ? 'customer' : 'customers'} would get an empty ${names}. Give it a fallback or fill it with fixed text, then start again.`,
    slots[0] ? `mapping.${slots[0]}` : undefined,
  );
}
