import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_POINT_KINDS, type EntryPointKind } from '../../../shared/domain/entry-points/types';

/** i18n keys of each kind's name and one-line description. */
export const KIND_LABEL: Record<EntryPointKind, string> = {
  direct: 'entryPoints.kind.direct',
  link: 'entryPoints.kind.link',
  button: 'entryPoints.kind.button',
  chat: 'entryPoints.kind.chat',
  qr: 'entryPoints.kind.qr',
  popup: 'entryPoints.kind.popup',
};
const KIND_HINT: Record<EntryPointKind, string> = {
  direct: 'entryPoints.kindHint.direct',
  link: 'entryPoints.kindHint.link',
  button: 'entryPoints.kindHint.button',
  chat: 'entryPoints.kindHint.chat',
  qr: 'entryPoints.kindHint.qr',
  popup: 'entryPoints.kindHint.popup',
};

interface KindPickerProps {
  value: EntryPointKind | null;
  onChange(kind: EntryPointKind): void;
}

/** The six kinds as one radio group (arrow keys move between them), each with what it is for. */
export function KindPicker({ value, onChange }: KindPickerProps): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset className="field ep-kinds">
      <legend>{t('entryPoints.chooseKind')}</legend>
      {ENTRY_POINT_KINDS.map((kind) => (
        <label key={kind} className="ep-kind">
          <input type="radio" name="ep-kind" value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          <span>
            <strong>{t(KIND_LABEL[kind])}</strong>
            <span className="muted ep-kind-hint">{t(KIND_HINT[kind])}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
