import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../../shared/contract/entry-points';
import { useStore } from '../../store';
import { followPrintOutcome } from './print-outcome';

interface PosterBatchProps {
  /** The entry point whose design and message each new poster copies. */
  sourceId: string;
  /** Saves pending design changes first, so every poster in the batch gets them; false when saving failed. */
  saveFirst(): Promise<boolean>;
  onOutcome(outcome: PrintOutcome): void;
}

/** Placement names from the textarea: one per line, blank lines dropped. */
export function placementsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One poster per till, table or branch: each becomes its own QR entry point (own ref), then all print as one PDF. */
export function PosterBatch({ sourceId, saveFirst, onOutcome }: PosterBatchProps): ReactNode {
  const { t } = useTranslation();
  const createPosterBatch = useStore((s) => s.createPosterBatch);
  const printPosters = useStore((s) => s.printPosters);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const id = useId();
  const placements = placementsOf(text);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    if (placements.length === 0) {
      setError(t('entryPoints.batchEmpty'));
      return;
    }
    setBusy(true);
    try {
      if (!(await saveFirst())) return;
      const created = await createPosterBatch(sourceId, placements);
      if (!created.ok) {
        setError(created.error.message);
        return;
      }
      setStatus(t('entryPoints.batchCreated', { count: created.value.length, refs: created.value.map((e) => e.refCode).join(', ') }));
      const printed = await printPosters(created.value.map((e) => e.id), 'pdf');
      if (!printed.ok) {
        setError(printed.error.message);
        return;
      }
      followPrintOutcome(printed.value);
      onOutcome(printed.value);
      setText('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form ep-batch" onSubmit={(e) => void submit(e)} noValidate>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{t('entryPoints.batchLabel')}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('entryPoints.batchHint')}
        </p>
        <textarea
          id={id}
          rows={5}
          value={text}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('entryPoints.batchWorking') : t('entryPoints.batchSubmit')}
        </button>
        <span role="status" className="ep-status">
          {status}
        </span>
      </div>
    </form>
  );
}
