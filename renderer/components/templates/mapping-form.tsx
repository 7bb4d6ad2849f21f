import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSlot } from '../../../shared/domain/templates/render';
import { invalidSlot, type MappingDraft } from './mapping-draft';
import { MappingFields } from './mapping-fields';

/** A template's saved mapping: what fills each placeholder (or typed when sending), saved per template in main. */
export function MappingForm({
  templateLabel,
  slots,
  draft,
  onChange,
  onSave,
}: {
  templateLabel: string;
  slots: TemplateSlot[];
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  onSave: () => Promise<{ message: string; field?: string } | null>;
}): ReactNode {
  const { t } = useTranslation();
  const [state, setState] = useState<{ saving: boolean; message: string | null; error: { message: string; field?: string } | null }>({
    saving: false,
    message: null,
    error: null,
  });
  if (slots.length === 0) return <p className="muted">{t('dashboard.templates.mapping.none')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ saving: true, message: null, error: null });
    const error = await onSave();
    setState({ saving: false, message: error ? null : t('dashboard.templates.mapping.saved'), error });
  };

  return (
    <form className="template-mapping" onSubmit={(e) => void submit(e)} aria-label={`${t('dashboard.templates.mapping.title')}: ${templateLabel}`}>
      <MappingFields slots={slots} draft={draft} onChange={onChange} allowAsk invalidKey={invalidSlot(state.error?.field)} />
      <div className="form-actions">
        <button type="submit" disabled={state.saving}>
          {state.saving ? t('dashboard.templates.mapping.saving') : t('dashboard.templates.mapping.save')}
        </button>
        <span role="status">{state.message}</span>
      </div>
      {state.error && (
        <p className="form-error" role="alert">
          {t('dashboard.templates.mapping.error', { message: state.error.message })}
        </p>
      )}
    </form>
  );
}
