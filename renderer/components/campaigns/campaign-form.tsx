import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../shared/contract/campaigns';
import type { TemplateView } from '../../../shared/contract/messages';
import { valuesFor } from '../../../shared/domain/campaigns';
import { CONSENT_METHODS } from '../../../shared/domain/consent/event';
import { purposeForCategory, toTemplateCategory } from '../../../shared/domain/send-policy/category';
import { renderTemplate, templateSlots, type TemplateShape } from '../../../shared/domain/templates/render';
import { api } from '../../api';
import { useStore } from '../../store';
import { mappingKey } from '../../store/dashboard-slice';
import { ErrorSummary, FieldErrorText } from '../forms/field-error';
import { errorId, useFormErrors } from '../forms/use-form-errors';
import { useOwnerGate } from '../owner/use-owner-gate';
import { draftOf, mappingOf, type MappingDraft } from '../templates/mapping-draft';
import { MappingFields } from '../templates/mapping-fields';
import { categoryText, isSendable, langAttribute, statusText } from '../templates/template-status';
import { campaignErrors, controlFor, SLOT_PREFIX, type CampaignFormValues } from './campaign-form-errors';

const STATES = ['none', 'pending', 'opted_in', 'opted_out'] as const;

/** The catalogue's template in the shape the renderer of templates takes. */
export function shapeOf(t: TemplateView): TemplateShape {
  return { name: t.name, language: t.language, category: t.category, parameter_format: t.parameterFormat, components: t.components };
}

/**
 * The create and edit flow: name, approved template, audience (purpose from the category, tags, filters), slot
 * mapping, preview. With `editing`, the draft's values are the starting point and saving changes that draft.
 */
export function CampaignForm({
  onCreated,
  onCancel,
  editing,
}: {
  onCreated: (campaign: CampaignView) => void;
  onCancel: () => void;
  editing?: CampaignView | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const templates = useStore((s) => s.templates);
  const loadTemplates = useStore((s) => s.loadTemplates);
  const savedMappings = useStore((s) => s.templateMappings);
  const loadTemplateMappings = useStore((s) => s.loadTemplateMappings);
  const { run, dialog } = useOwnerGate();
  const filters0 = editing?.audience.filters;
  const [name, setName] = useState(editing?.name ?? '');
  const [templateKey, setTemplateKey] = useState(editing ? `${editing.template.name}|${editing.template.language}` : '');
  const [allTags, setAllTags] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>(editing?.audience.tags ?? []);
  const [state, setState] = useState<string>(filters0?.state ?? '');
  const [method, setMethod] = useState<string>(filters0?.method ?? '');
  const [country, setCountry] = useState(filters0?.country ?? '');
  // The owner's edits of the mapping; until the first one, it is the draft's own or the template's saved mapping.
  const [editedDraft, setEditedDraft] = useState<MappingDraft | null>(null);
  const [sample, setSample] = useState<{ name: string; phone: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadTemplates();
    void loadTemplateMappings();
    void api.contacts.tags().then((r) => r.ok && setAllTags(r.value));
  }, [loadTemplates, loadTemplateMappings]);

  const template = templates.find((x) => `${x.name}|${x.language}` === templateKey);
  const slots = useMemo(() => (template ? templateSlots(shapeOf(template)) : []), [template]);
  const editingSame = editing && template && editing.template.name === template.name && editing.template.language === template.language;
  const saved = editingSame ? editing.mapping : template ? savedMappings[mappingKey(template.name, template.language)]?.slots : undefined;
  // Nothing is filled by default: "Customer's name" for {{offer}} once sent "this week: Juan Pérez" to a whole list.
  const slotsDraft = useMemo(() => editedDraft ?? draftOf(slots, saved, 'unset'), [editedDraft, slots, saved]);
  const category = toTemplateCategory(template?.category);
  const purpose = purposeForCategory(category);
  const label = (found: { key: string; values?: Record<string, string> }) => t(found.key, found.values);

  const values: CampaignFormValues = { name, template: templateKey, hasTemplates: templates.length > 0, country, slots: slotsDraft };
  const validate = useCallback((v: CampaignFormValues) => campaignErrors(v, t), [t]);
  const form = useFormErrors(values, validate);

  useEffect(() => {
    // A sample customer of the audience for the preview.
    void api.contacts.search({ text: '', tag: tags[0], limit: 1 }).then((r) => setSample(r.ok && r.value.items[0] ? r.value.items[0] : null));
  }, [tags]);

  const chooseTemplate = (key: string) => {
    setTemplateKey(key);
    setEditedDraft(null);
  };

  const mapping = mappingOf(slotsDraft);
  const preview = template ? renderTemplate(shapeOf(template), valuesFor(shapeOf(template), mapping, sample ?? { name: '', phone: '' })) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check() || !template) return;
    setSaving(true);
    const filters = { ...(state ? { state } : {}), ...(method ? { method } : {}), ...(country.trim() ? { country: country.trim().toUpperCase() } : {}) };
    const body = { name, template: { name: template.name, language: template.language }, audience: { purpose, tags, filters: filters as never }, mapping };
    const result = await run(() => (editing ? api.campaigns.update({ id: editing.id, ...body }) : api.campaigns.create(body)));
    setSaving(false);
    if (result.ok) onCreated(result.value);
    else form.refused(result.error, controlFor(result.error.field, slotsDraft));
  };

  return (
    <form className="campaign-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{editing ? t('campaigns.journey.editTitle') : t('campaigns.create.title')}</h2>
      <div className="field">
        <label htmlFor="campaign-name">{t('campaigns.create.name')}</label>
        <input id="campaign-name" value={name} maxLength={80} required {...form.fieldProps('campaign-name')} onChange={(e) => setName(e.target.value)} />
        <FieldErrorText form={form} field="campaign-name" />
      </div>
      <div className="field">
        <label htmlFor="campaign-template">{t('campaigns.create.template')}</label>
        {templates.length === 0 ? (
          <p className="muted">{t('campaigns.create.noTemplates')}</p>
        ) : (
          <select id="campaign-template" value={templateKey} onChange={(e) => chooseTemplate(e.target.value)} {...form.fieldProps('campaign-template')}>
            <option value="">{t('campaigns.create.chooseTemplate')}</option>
            {templates.map((x) => (
              <option key={`${x.name}|${x.language}`} value={`${x.name}|${x.language}`} disabled={!isSendable(x)}>
                {isSendable(x)
                  ? `${x.name} (${x.language}) — ${label(categoryText(x.category))}`
                  : t('campaigns.create.notSendable', { name: x.name, language: x.language, status: label(statusText(x.status)) })}
              </option>
            ))}
          </select>
        )}
        <FieldErrorText form={form} field="campaign-template" />
      </div>
      <fieldset>
        <legend>{t('campaigns.create.audience')}</legend>
        <p className="field-hint" id="campaign-purpose">
          {t('campaigns.create.purpose')}: {t('campaigns.create.purposeHint', { category: label(categoryText(category)), purpose: t(`campaigns.create.purposes.${purpose}`) })}
        </p>
        {allTags.length === 0 ? (
          <p className="muted">{t('campaigns.create.noTags')}</p>
        ) : (
          <fieldset className="campaign-tags">
            <legend>{t('campaigns.create.tags')}</legend>
            {allTags.map((tag) => (
              <label key={tag}>
                <input type="checkbox" checked={tags.includes(tag)} onChange={(e) => setTags(e.target.checked ? [...tags, tag] : tags.filter((x) => x !== tag))} /> {tag}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="campaign-state">{t('campaigns.create.state')}</label>
          <select id="campaign-state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('campaigns.create.anyState')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`campaigns.create.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-method">{t('campaigns.create.method')}</label>
          <select id="campaign-method" value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="">{t('campaigns.create.anyMethod')}</option>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`dashboard.method.${m}`, { defaultValue: m })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-country">{t('campaigns.create.country')}</label>
          <input id="campaign-country" value={country} maxLength={2} size={3} onChange={(e) => setCountry(e.target.value)} {...form.fieldProps('campaign-country')} />
          <FieldErrorText form={form} field="campaign-country" />
        </div>
      </fieldset>
      {slots.length > 0 && (
        <fieldset>
          <legend>{t('campaigns.create.mapping')}</legend>
          <MappingFields
            slots={slots}
            draft={slotsDraft}
            onChange={setEditedDraft}
            allowAsk={false}
            idPrefix={SLOT_PREFIX}
            invalidKeys={form.errors.map((e) => e.field.slice(SLOT_PREFIX.length + 1).replace(/-(source|text)$/, ''))}
            describedBy={(controlId) => (form.errorFor(controlId) ? errorId(controlId) : undefined)}
          />
          {form.errors
            .filter((e) => e.field.startsWith(`${SLOT_PREFIX}-`))
            .map((e) => (
              <FieldErrorText key={e.field} form={form} field={e.field} />
            ))}
        </fieldset>
      )}
      {template && preview && (
        <section aria-labelledby="campaign-preview-title">
          <h3 id="campaign-preview-title">
            {t('campaigns.create.preview')} — {t('campaigns.create.previewFor', { name: sample?.name || t('campaigns.create.previewSample') })}
          </h3>
          <div className="campaign-preview" data-testid="campaign-preview" lang={langAttribute(template.language)}>
            {preview.header && <strong>{preview.header}</strong>}
            <p>{preview.body}</p>
            {preview.footer && <small>{preview.footer}</small>}
          </div>
        </section>
      )}
      <ErrorSummary form={form} title={t('campaigns.journey.errorsTitle', { count: form.errors.length })} />
      <div className="campaign-actions">
        <button type="submit" className="primary" disabled={saving} aria-busy={saving || undefined}>
          {saving ? t('campaigns.create.saving') : editing ? t('campaigns.journey.saveChanges') : t('campaigns.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('campaigns.create.cancel')}
        </button>
      </div>
      {dialog}
    </form>
  );
}
