import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { campaignErrors, controlFor, SLOT_PREFIX } from '../../../../renderer/components/campaigns/campaign-form-errors';
import { draftOf } from '../../../../renderer/components/templates/mapping-draft';

// The key and its values, so the test reads which rule spoke without depending on the wording.
const t = ((key: string, values?: Record<string, string>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;
const slots = [
  { component: 'body' as const, key: 'first_name' },
  { component: 'body' as const, key: 'offer' },
];

describe('campaign form errors', () => {
  it('finds every problem at once, in the order of the controls', () => {
    const errors = campaignErrors({ name: ' ', template: '', hasTemplates: true, country: 'ESP', slots: draftOf(slots, undefined, 'unset') }, t);
    expect(errors.map((e) => e.field)).toEqual([
      'campaign-name',
      'campaign-template',
      'campaign-country',
      `${SLOT_PREFIX}-body.first_name-source`,
      `${SLOT_PREFIX}-body.offer-source`,
    ]);
    expect(errors[3]!.message).toBe('campaigns.journey.errors.slot {"slot":"{{first_name}}"}');
  });

  it('placeholders start unchosen without a saved mapping, and fixed text must not be blank', () => {
    const draft = draftOf(slots, { 'body.first_name': { kind: 'field', field: 'name' }, 'body.offer': { kind: 'text', text: ' ' } }, 'unset');
    expect(campaignErrors({ name: 'Offer', template: 'weekly_offer|en_US', hasTemplates: true, country: '', slots: draft }, t).map((e) => e.field)).toEqual([
      `${SLOT_PREFIX}-body.offer-text`,
    ]);
  });

  it('points main’s refusals at their controls', () => {
    const draft = draftOf(slots, { 'body.offer': { kind: 'text', text: 'x' } }, 'unset');
    expect(controlFor('name', draft)).toBe('campaign-name');
    expect(controlFor('mapping.body.offer', draft)).toBe(`${SLOT_PREFIX}-body.offer-text`);
    expect(controlFor('mapping.body.first_name', draft)).toBe(`${SLOT_PREFIX}-body.first_name-source`);
    expect(controlFor(undefined, draft)).toBeNull();
  });
});
