import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../shared/contract/messages';
import type { SlotSource } from '../../../shared/contract/template-mappings';
import { renderTemplate, templateSlots, type SlotValues } from '../../../shared/domain/templates/render';
import { draftOf, MappingForm, slotsOf, type MappingDraft } from './mapping-form';
import { categoryText, isSendable, languageName, statusText } from './template-status';

/** One synced template: status (in words), category, language, the rendered preview and its placeholder mapping. */
export function TemplateCard({
  template,
  saved,
  onSave,
}: {
  template: TemplateView;
  saved: Record<string, SlotSource> | undefined;
  onSave: (slots: Record<string, SlotSource>) => Promise<{ message: string; field?: string } | null>;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const slots = templateSlots(template);
  const [draft, setDraft] = useState<MappingDraft>(() => draftOf(slots, saved));
  const sendable = isSendable(template);
  const status = statusText(template.status);
  const category = categoryText(template.category);
  const headingId = `template-${template.name}-${template.language}`;

  // The preview shows what each placeholder will hold: the fixed text, or which contact field fills it.
  const values: SlotValues = {};
  for (const [key, { choice, value }] of Object.entries(draft)) {
    if (choice === 'fixed' && value.trim()) values[key] = value;
    if (choice === 'name') values[key] = t('dashboard.templates.mapping.previewName');
    if (choice === 'phone') values[key] = t('dashboard.templates.mapping.previewPhone');
  }
  const rendered = renderTemplate(template, values);

  return (
    <article className={`template-card${sendable ? '' : ' template-unsendable'}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="template-name">
        {template.name} <span className="muted">· {template.language}</span>
      </h2>
      <dl className="template-facts">
        <div>
          <dt>{t('dashboard.templates.status')}</dt>
          <dd>
            <span className={`template-status template-status-${template.status.toLowerCase()}`}>{t(status.key, status.values)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.templates.category')}</dt>
          <dd>{t(category.key, category.values)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.templates.language')}</dt>
          <dd>
            {languageName(template.language, i18n.language)} ({template.language})
          </dd>
        </div>
      </dl>
      {!sendable && <p className="template-warning">{t('dashboard.templates.notSendable')}</p>}
      <figure className="template-preview">
        <figcaption>{t('dashboard.templates.preview')}</figcaption>
        {rendered.header && <p className="template-preview-header">{rendered.header}</p>}
        <p className="template-preview-body">{rendered.body}</p>
        {rendered.footer && <p className="template-preview-footer">{rendered.footer}</p>}
      </figure>
      <h3>{t('dashboard.templates.mapping.title')}</h3>
      <MappingForm
        templateLabel={`${template.name} (${template.language})`}
        slots={slots}
        draft={draft}
        onChange={setDraft}
        onSave={() => onSave(slotsOf(draft))}
      />
    </article>
  );
}
