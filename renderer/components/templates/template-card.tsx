import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../shared/contract/messages';
import { valuesFor, type ParameterMapping } from '../../../shared/domain/campaigns';
import { renderTemplate, templateSlots } from '../../../shared/domain/templates/render';
import { draftOf, mappingOf, type MappingDraft } from './mapping-draft';
import { MappingForm } from './mapping-form';
import { categoryText, isSendable, langAttribute, languageName, statusText } from './template-status';

/** One synced template: status (in words), category, language, the rendered preview and its placeholder mapping. */
export function TemplateCard({
  template,
  saved,
  onSave,
}: {
  template: TemplateView;
  saved: ParameterMapping | undefined;
  onSave: (slots: ParameterMapping) => Promise<{ message: string; field?: string } | null>;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const slots = templateSlots(template);
  const [draft, setDraft] = useState<MappingDraft>(() => draftOf(slots, saved, 'ask'));
  const sendable = isSendable(template);
  const status = statusText(template.status);
  const category = categoryText(template.category);
  const headingId = `template-${template.name}-${template.language}`;

  // The preview fills the mapping for a stand-in customer, so it shows which contact field fills a placeholder.
  const standIn = { name: t('dashboard.templates.mapping.previewName'), phone: t('dashboard.templates.mapping.previewPhone') };
  const rendered = renderTemplate(template, valuesFor(template, mappingOf(draft), standIn));

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
        <div lang={langAttribute(template.language)}>
          {rendered.header && <p className="template-preview-header">{rendered.header}</p>}
          <p className="template-preview-body">{rendered.body}</p>
          {rendered.footer && <p className="template-preview-footer">{rendered.footer}</p>}
        </div>
      </figure>
      <h3>{t('dashboard.templates.mapping.title')}</h3>
      <MappingForm
        templateLabel={`${template.name} (${template.language})`}
        slots={slots}
        draft={draft}
        onChange={setDraft}
        onSave={() => onSave(mappingOf(draft))}
      />
    </article>
  );
}
