/** The outbox items of a campaign: one per planned contact, under the id derived from campaign and contact. */
import { campaignItemId, valuesFor } from '../../../shared/domain/campaigns';
import { purposeForCategory } from '../../../shared/domain/consent/state';
import { toSendComponents } from '../../../shared/domain/templates/render';
import type { CloudTemplate } from '../cloud/schemas';
import type { OutboxInput } from '../outbox';
import type { CampaignRecord } from './campaign-record';

/**
 * Inputs for these contacts (a contact deleted since planning is left out). Values are filled from the contact as
 * it is now; `notBefore` holds a scheduled campaign's items until its time.
 */
export function itemInputs(
  campaign: CampaignRecord,
  template: CloudTemplate | undefined,
  contactIds: readonly string[],
  contact: (contactId: string) => { name: string; phone: string } | undefined,
): OutboxInput[] {
  const shape = template ?? { name: campaign.template.name, language: campaign.template.language, components: [] };
  const notBefore = campaign.scheduledAt ? Date.parse(campaign.scheduledAt) : undefined;
  const inputs: OutboxInput[] = [];
  for (const contactId of contactIds) {
    const record = contact(contactId);
    if (!record) continue;
    const values = valuesFor(shape, campaign.mapping, record);
    inputs.push({
      id: campaignItemId(campaign.id, contactId),
      contactId,
      to: record.phone,
      kind: 'template',
      template: { name: campaign.template.name, language: campaign.template.language, category: campaign.template.category, components: toSendComponents(shape, values) },
      purpose: purposeForCategory(campaign.template.category),
      campaignId: campaign.id,
      origin: 'campaign',
      ...(notBefore !== undefined ? { notBefore } : {}),
    });
  }
  return inputs;
}
