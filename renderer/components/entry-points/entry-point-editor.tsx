import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDetails } from '../../../shared/domain/entry-points/artifacts';
import type { EntryPoint, EntryPointKind, EntryPointStyle } from '../../../shared/domain/entry-points/types';
import { useStore } from '../../store';
import { ArtifactPanel } from './artifact-panel';
import {
  draftFromEntry,
  fieldErrorsOf,
  newDraft,
  previewEntry,
  PREVIEW_REF,
  toCreateInput,
  toUpdate,
  type EntryPointDraft,
  type FieldErrors,
} from './draft';
import { FitNotes, useFitNotes } from './fit-notes';
import { TextAreaField, TextField } from './form-controls';
import { KIND_LABEL, KindPicker } from './kind-picker';
import { STYLE_FIELDS, StyleFields } from './style-fields';

const KNOWN_FIELDS = ['name', 'prefilledMessage', 'refCode', ...STYLE_FIELDS];

interface EntryPointEditorProps {
  /** The stored entry point to edit; undefined to create a new one. */
  entry: EntryPoint | undefined;
  shop: ShopDetails;
  onClose(): void;
}

/** Create or edit one entry point: kind, name, message, ref, style, with the live preview of its artifacts beside. */
export function EntryPointEditor({ entry, shop, onClose }: EntryPointEditorProps): ReactNode {
  const { t } = useTranslation();
  const createEntryPoint = useStore((s) => s.createEntryPoint);
  const updateEntryPoint = useStore((s) => s.updateEntryPoint);
  const [saved, setSaved] = useState<EntryPoint | undefined>(entry);
  const [kindChosen, setKindChosen] = useState(Boolean(entry));
  const [draft, setDraft] = useState<EntryPointDraft>(() => (entry ? draftFromEntry(entry) : newDraft('link')));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (Object.keys(errors).some((f) => f !== 'form')) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const preview = useMemo(() => previewEntry(draft, saved?.id), [draft, saved?.id]);
  const dirty = !saved || JSON.stringify(draftFromEntry(saved)) !== JSON.stringify(draft);
  // Checked as the owner types: a message too long for a link or a QR, and for QR entry points the poster text.
  const fit = useFitNotes(preview, shop, draft.kind === 'qr');

  const edit = (patch: Partial<EntryPointDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus('');
  };
  const editStyle = (patch: Partial<EntryPointStyle>) => edit({ style: { ...draft.style, ...patch } });
  const chooseKind = (kind: EntryPointKind) => {
    setKindChosen(true);
    edit({ kind });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    const result = saved ? await updateEntryPoint(toUpdate(saved.id, draft)) : await createEntryPoint(toCreateInput(draft));
    setSaving(false);
    if (!result.ok) {
      setErrors(fieldErrorsOf(result.error, KNOWN_FIELDS));
      return;
    }
    setSaved(result.value);
    setDraft(draftFromEntry(result.value));
    setStatus(t('entryPoints.savedWithRef', { ref: result.value.refCode }));
  }

  const title = saved ? t('entryPoints.editTitle', { name: saved.name }) : t('entryPoints.newTitle');
  return (
    <section className="ep-editor" aria-labelledby="ep-editor-title">
      <div className="ep-editor-head">
        <h2 id="ep-editor-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={onClose}>
          {t('entryPoints.close')}
        </button>
      </div>
      {!saved && <KindPicker value={kindChosen ? draft.kind : null} onChange={chooseKind} />}
      {kindChosen && (
        <div className="ep-editor-body">
          <form ref={form} className="form ep-form" onSubmit={(e) => void submit(e)} noValidate>
            {saved && (
              <p className="ep-kind-fixed">
                <span className="muted">{t('entryPoints.kindLabel')}</span> <strong>{t(KIND_LABEL[saved.kind])}</strong>
              </p>
            )}
            <TextField label={t('entryPoints.name')} hint={t('entryPoints.nameHint')} error={errors.name}
              value={draft.name} onChange={(name) => edit({ name })} />
            {draft.kind !== 'direct' && (
              <TextAreaField label={t('entryPoints.prefilled')} hint={t('entryPoints.prefilledHint')}
                error={errors.prefilledMessage} value={draft.prefilledMessage}
                onChange={(prefilledMessage) => edit({ prefilledMessage })} />
            )}
            <TextField label={t('entryPoints.refCode')}
              hint={saved ? t('entryPoints.refHintSaved') : t('entryPoints.refHintNew', { ref: PREVIEW_REF })}
              error={errors.refCode} value={draft.refCode} maxLength={8}
              onChange={(refCode) => edit({ refCode })} />
            <StyleFields kind={draft.kind} style={draft.style} errors={errors} onChange={editStyle} />
            <FitNotes {...fit} />
            {errors.form && (
              <p className="form-error" role="alert">
                {errors.form}
              </p>
            )}
            <div className="form-actions">
              <button type="submit" className="primary" disabled={saving} aria-busy={saving || undefined}>
                {saving ? t('common.saving') : saved ? t('entryPoints.saveChanges') : t('entryPoints.create')}
              </button>
              <span role="status" className="ep-status">
                {status}
              </span>
            </div>
          </form>
          <aside className="ep-preview" aria-labelledby="ep-preview-title">
            <h2 id="ep-preview-title">{t('entryPoints.preview')}</h2>
            {!saved && !draft.refCode.trim() && <p className="field-hint">{t('entryPoints.previewRefNote', { ref: PREVIEW_REF })}</p>}
            <ArtifactPanel entry={preview} shop={shop} savedId={saved?.id} dirty={dirty} />
          </aside>
        </div>
      )}
    </section>
  );
}
