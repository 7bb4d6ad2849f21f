import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotSource } from '../../../shared/contract/template-mappings';
import { slotKey, type TemplateSlot } from '../../../shared/domain/templates/render';

type Choice = 'ask' | 'name' | 'phone' | 'fixed';

/** What the form holds per placeholder: a source, and the text when it is a fixed value. */
export type MappingDraft = Record<string, { choice: Choice; value: string }>;

/** A draft from a saved mapping (placeholders without one are typed when sending). */
export function draftOf(slots: TemplateSlot[], saved: Record<string, SlotSource> | undefined): MappingDraft {
  return Object.fromEntries(
    slots.map((slot) => {
      const source = saved?.[slotKey(slot)];
      return [slotKey(slot), { choice: source?.source ?? 'ask', value: source?.source === 'fixed' ? source.value : '' }];
    }),
  );
}

/** The mapping to save: "type it when sending" placeholders are left out. */
export function slotsOf(draft: MappingDraft): Record<string, SlotSource> {
  const slots: Record<string, SlotSource> = {};
  for (const [key, { choice, value }] of Object.entries(draft)) {
    if (choice === 'fixed') slots[key] = { source: 'fixed', value };
    else if (choice === 'name' || choice === 'phone') slots[key] = { source: choice };
  }
  return slots;
}

/** One select per placeholder (contact field, fixed text, or typed when sending), saved per template in main. */
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
  const id = useId();
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
  const set = (key: string, change: Partial<MappingDraft[string]>) => onChange({ ...draft, [key]: { ...draft[key]!, ...change } });

  return (
    <form className="template-mapping" onSubmit={(e) => void submit(e)} aria-label={`${t('dashboard.templates.mapping.title')}: ${templateLabel}`}>
      {slots.map((slot) => {
        const key = slotKey(slot);
        const entry = draft[key] ?? { choice: 'ask', value: '' };
        const slotName = `{{${slot.key}}}`;
        const invalid = state.error?.field?.startsWith(`slots.${key}`) ?? false;
        return (
          <fieldset key={key} className="template-slot">
            <legend>{t('dashboard.templates.mapping.slot', { slot: slotName, part: t(`dashboard.templates.mapping.part.${slot.component}`) })}</legend>
            <label htmlFor={`${id}-${key}-source`}>{t('dashboard.templates.mapping.source')}</label>
            <select id={`${id}-${key}-source`} value={entry.choice} onChange={(e) => set(key, { choice: e.target.value as Choice })}>
              <option value="ask">{t('dashboard.templates.mapping.ask')}</option>
              <option value="name">{t('dashboard.templates.mapping.name')}</option>
              <option value="phone">{t('dashboard.templates.mapping.phone')}</option>
              <option value="fixed">{t('dashboard.templates.mapping.fixed')}</option>
            </select>
            {entry.choice === 'fixed' && (
              <>
                <label htmlFor={`${id}-${key}-value`}>{t('dashboard.templates.mapping.fixedValue', { slot: slotName })}</label>
                <input
                  id={`${id}-${key}-value`}
                  value={entry.value}
                  maxLength={1024}
                  aria-invalid={invalid || undefined}
                  onChange={(e) => set(key, { value: e.target.value })}
                />
              </>
            )}
          </fieldset>
        );
      })}
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
