import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../shared/contract/entry-points';
import type { ShopDetails } from '../../shared/domain/entry-points/artifacts';
import { DEFAULT_STYLE, type EntryPoint, type EntryPointStyle } from '../../shared/domain/entry-points/types';
import { fieldErrorsOf, type FieldErrors } from '../components/entry-points/draft';
import { FitNotes, useFitNotes } from '../components/entry-points/fit-notes';
import { KIND_LABEL } from '../components/entry-points/kind-picker';
import { PosterBatch } from '../components/entry-points/poster-batch';
import { PosterPreview } from '../components/entry-points/poster-preview';
import { followPrintOutcome, PrintOutcomeMessage } from '../components/entry-points/print-outcome';
import { PosterStyleFields, STYLE_FIELDS } from '../components/entry-points/style-fields';
import { useStore } from '../store';
import '../components/entry-points/entry-points.css';

/** Posters: pick an entry point, design its poster (saved on its style), preview, print or save as PDF, or batch. */
export function PostersPage(): ReactNode {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const entryPoints = useStore((s) => s.entryPoints);
  const loaded = useStore((s) => s.entryPointsLoaded);
  const loadEntryPoints = useStore((s) => s.loadEntryPoints);
  const updateEntryPoint = useStore((s) => s.updateEntryPoint);
  const printPosters = useStore((s) => s.printPosters);
  const [selectedId, setSelectedId] = useState('');
  const [draft, setDraft] = useState<{ id: string; style: EntryPointStyle } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  const selectId = useId();

  useEffect(() => void loadEntryPoints(), [loadEntryPoints]);
  // Until the owner picks one, show a QR entry point if there is one; actions pin the choice (see pin()).
  const selected = entryPoints.find((e) => e.id === selectedId) ?? entryPoints.find((e) => e.kind === 'qr') ?? entryPoints[0];
  const style = selected && draft?.id === selected.id ? draft.style : selected?.style;
  const pin = () => selected && setSelectedId(selected.id);

  const shop = useMemo<ShopDetails | null>(
    () => (profile ? { businessName: profile.businessName, phoneE164: profile.phoneE164, phoneDisplay: profile.phoneDisplay } : null),
    [profile],
  );
  const previewEntry = useMemo<EntryPoint | null>(() => (selected && style ? { ...selected, style } : null), [selected, style]);
  const dirty = Boolean(selected && style && JSON.stringify(selected.style) !== JSON.stringify(style));
  const fitEntry = previewEntry ?? { kind: 'qr' as const, prefilledMessage: '', refCode: 'A2B3', style: DEFAULT_STYLE };
  const fit = useFitNotes(fitEntry, shop ?? { businessName: '', phoneE164: '', phoneDisplay: '' }, true);

  /** Saves the design onto the entry point's style; true when there was nothing to save or it saved. */
  async function save(): Promise<boolean> {
    pin();
    if (!selected || !style || !dirty) return true;
    setErrors({});
    const result = await updateEntryPoint({ id: selected.id, style: { ...style, logoDataUrl: style.logoDataUrl ?? null } });
    if (!result.ok) {
      setErrors(fieldErrorsOf(result.error, STYLE_FIELDS));
      return false;
    }
    setStatus(t('entryPoints.posterSaved'));
    return true;
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await save();
    setBusy(false);
  }

  async function print(action: 'print' | 'pdf') {
    if (!selected) return;
    pin();
    setBusy(true);
    setOutcome(null);
    try {
      if (!(await save())) return;
      const result = await printPosters([selected.id], action);
      if (!result.ok) setErrors({ form: result.error.message });
      else {
        followPrintOutcome(result.value);
        setOutcome(result.value);
      }
    } finally {
      setBusy(false);
    }
  }

  if (loaded && entryPoints.length === 0) {
    return (
      <>
        <h1>{t('entryPoints.postersTitle')}</h1>
        <div className="empty-state">
          <p>{t('entryPoints.empty')}</p>
          <a href="#/entry-points">{t('entryPoints.goToEntryPoints')}</a>
        </div>
      </>
    );
  }

  return (
    <>
      <h1>{t('entryPoints.postersTitle')}</h1>
      <p className="muted">{t('entryPoints.postersIntro')}</p>
      {!selected || !style || !previewEntry || !shop ? (
        <p aria-busy="true">{t('entryPoints.loading')}</p>
      ) : (
        <div className="ep-editor-body">
          <div>
            <form className="form" onSubmit={(e) => void onSave(e)} noValidate>
              <div className="field">
                <label htmlFor={selectId}>{t('entryPoints.posterFor')}</label>
                <select id={selectId} value={selected.id} onChange={(e) => {
                    setSelectedId(e.target.value);
                    setErrors({});
                    setStatus('');
                  }}>
                  {entryPoints.map((e) => (
                    <option key={e.id} value={e.id}>
                      {t('entryPoints.optionLabel', { name: e.name, kind: t(KIND_LABEL[e.kind]), ref: e.refCode })}
                    </option>
                  ))}
                </select>
              </div>
              <PosterStyleFields style={style} errors={errors} onChange={(patch) => {
                  setDraft({ id: selected.id, style: { ...style, ...patch } });
                  setStatus('');
                }} />
              <FitNotes {...fit} />
              {errors.form && (
                <p className="form-error" role="alert">
                  {errors.form}
                </p>
              )}
              <div className="form-actions ep-wrap">
                <button type="submit" disabled={busy || !dirty}>
                  {t('entryPoints.saveDesign')}
                </button>
                <button type="button" className="primary" disabled={busy || fit.problems.length > 0} onClick={() => void print('print')}>
                  {t('entryPoints.print')}
                </button>
                <button type="button" className="primary" disabled={busy || fit.problems.length > 0} onClick={() => void print('pdf')}>
                  {t('entryPoints.saveAsPdf')}
                </button>
                <span role="status" className="ep-status">
                  {status}
                </span>
              </div>
              <PrintOutcomeMessage outcome={outcome} />
            </form>
            <h2>{t('entryPoints.batchTitle')}</h2>
            <p className="muted">{t('entryPoints.batchIntro', { name: selected.name })}</p>
            <PosterBatch sourceId={selected.id} saveFirst={save} onOutcome={setOutcome} />
          </div>
          <section className="ep-preview" aria-labelledby="ep-poster-preview">
            <h2 id="ep-poster-preview">{t('entryPoints.preview')}</h2>
            <PosterPreview entry={previewEntry} shop={shop} />
          </section>
        </div>
      )}
    </>
  );
}
