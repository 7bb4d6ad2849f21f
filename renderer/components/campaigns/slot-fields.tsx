import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotSource } from '../../../shared/domain/campaigns';
import { slotKey, type TemplateSlot } from '../../../shared/domain/templates/render';

/** What the form holds per slot. */
export type SlotDraft = { kind: 'name' | 'phone' | 'text'; text: string; fallback: string };

/** The campaign mapping from the form. */
export function mappingOf(draft: Record<string, SlotDraft>): Record<string, SlotSource> {
  const out: Record<string, SlotSource> = {};
  for (const [key, slot] of Object.entries(draft)) {
    if (slot.kind === 'text') out[key] = { kind: 'text', text: slot.text };
    else out[key] = { kind: 'field', field: slot.kind, ...(slot.fallback.trim() ? { fallback: slot.fallback.trim() } : {}) };
  }
  return out;
}

/** One source select per template slot, with the fixed text or the empty-name fallback. */
export function SlotFields({
  slots,
  draft,
  onChange,
  errorField,
}: {
  slots: TemplateSlot[];
  draft: Record<string, SlotDraft>;
  onChange: (draft: Record<string, SlotDraft>) => void;
  errorField?: string | undefined;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {slots.map((slot) => {
        const key = slotKey(slot);
        const value = draft[key] ?? { kind: 'name', text: '', fallback: '' };
        const set = (change: Partial<SlotDraft>) => onChange({ ...draft, [key]: { ...value, ...change } });
        const id = `campaign-slot-${key.replace('.', '-')}`;
        return (
          <div className="campaign-slot" key={key}>
            <label htmlFor={id}>{t('campaigns.create.slot', { slot: `{{${slot.key}}}` })}</label>
            <select id={id} value={value.kind} onChange={(e) => set({ kind: e.target.value as SlotDraft['kind'] })}>
              <option value="name">{t('campaigns.create.sources.name')}</option>
              <option value="phone">{t('campaigns.create.sources.phone')}</option>
              <option value="text">{t('campaigns.create.sources.text')}</option>
            </select>
            {value.kind === 'text' ? (
              <>
                <label htmlFor={`${id}-text`}>{t('campaigns.create.text', { slot: `{{${slot.key}}}` })}</label>
                <input
                  id={`${id}-text`}
                  value={value.text}
                  maxLength={1024}
                  aria-invalid={errorField === `mapping.${key}` || undefined}
                  onChange={(e) => set({ text: e.target.value })}
                />
              </>
            ) : value.kind === 'name' ? (
              <>
                <label htmlFor={`${id}-fallback`}>{t('campaigns.create.fallback')}</label>
                <input id={`${id}-fallback`} value={value.fallback} maxLength={200} onChange={(e) => set({ fallback: e.target.value })} />
              </>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
