import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKey, type TemplateSlot } from '../../../shared/domain/templates/render';
import type { MappingDraft, SlotChoice, SlotDraft } from './mapping-draft';
import './templates.css';

/**
 * One group per placeholder: what fills it (contact name with a fallback, contact number, fixed text, or — where the
 * value can still be typed later — nothing yet). The Templates page and the campaign form both edit mappings with it.
 */
export function MappingFields({
  slots,
  draft,
  onChange,
  allowAsk,
  invalidKey,
  invalidKeys,
  idPrefix,
  describedBy,
}: {
  slots: readonly TemplateSlot[];
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  /** Offer "type it when sending" (a template's saved mapping may leave placeholders open; a campaign may not). */
  allowAsk: boolean;
  /** The placeholder key the last error was about. */
  invalidKey?: string | undefined;
  /** Every placeholder key the form reports an error for (all at once). */
  invalidKeys?: readonly string[] | undefined;
  /** A stable prefix for the controls' ids (`<prefix>-body.1-source`), so a form can focus them and point at them. */
  idPrefix?: string | undefined;
  /** Extra attributes per control id (aria-describedby of its error message). */
  describedBy?: ((controlId: string) => string | undefined) | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const invalid = (key: string) => invalidKey === key || invalidKeys?.includes(key) || undefined;
  return (
    <>
      {slots.map((slot) => {
        const key = slotKey(slot);
        const entry: SlotDraft = draft[key] ?? { choice: allowAsk ? 'ask' : 'unset', text: '', fallback: '' };
        const set = (change: Partial<SlotDraft>) => onChange({ ...draft, [key]: { ...entry, ...change } });
        const slotName = `{{${slot.key}}}`;
        const base = `${idPrefix ?? id}-${key}`;
        return (
          <fieldset key={key} className="template-slot">
            <legend>{t('dashboard.templates.mapping.slot', { slot: slotName, part: t(`dashboard.templates.mapping.part.${slot.component}`) })}</legend>
            <label htmlFor={`${base}-source`}>{t('dashboard.templates.mapping.source')}</label>
            <select
              id={`${base}-source`}
              data-slot={key}
              value={entry.choice}
              aria-invalid={(entry.choice === 'unset' && invalid(key)) || undefined}
              aria-describedby={describedBy?.(`${base}-source`)}
              onChange={(e) => set({ choice: e.target.value as SlotChoice })}
            >
              {!allowAsk && entry.choice === 'unset' && (
                <option value="unset" disabled>
                  {t('dashboard.templates.mapping.choose')}
                </option>
              )}
              {allowAsk && <option value="ask">{t('dashboard.templates.mapping.ask')}</option>}
              <option value="name">{t('dashboard.templates.mapping.name')}</option>
              <option value="phone">{t('dashboard.templates.mapping.phone')}</option>
              <option value="text">{t('dashboard.templates.mapping.fixed')}</option>
            </select>
            {entry.choice === 'text' && (
              <>
                <label htmlFor={`${base}-text`}>{t('dashboard.templates.mapping.fixedValue', { slot: slotName })}</label>
                <input
                  id={`${base}-text`}
                  value={entry.text}
                  maxLength={1024}
                  aria-invalid={invalid(key)}
                  aria-describedby={describedBy?.(`${base}-text`)}
                  onChange={(e) => set({ text: e.target.value })}
                />
              </>
            )}
            {entry.choice === 'name' && (
              <>
                <label htmlFor={`${base}-fallback`}>{t('dashboard.templates.mapping.fallback')}</label>
                <input
                  id={`${base}-fallback`}
                  value={entry.fallback}
                  maxLength={200}
                  aria-invalid={invalid(key)}
                  onChange={(e) => set({ fallback: e.target.value })}
                />
              </>
            )}
          </fieldset>
        );
      })}
    </>
  );
}
