import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_CHARS, type ImportPreview, type ImportProgress, type ImportSummary } from '../../../shared/contract/import';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import type { ColumnMapping, MappingSuggestion } from '../../../shared/domain/import/column-mapping';
import type { ExistingNameChoice } from '../../../shared/domain/import/name-changes';
import { api } from '../../api';
import { Field } from '../field';
import { useOwnerGate } from '../owner/use-owner-gate';
import { ImportResult } from './import-result';
import { MappingFields } from './mapping-fields';
import { NameChanges } from './name-changes';
import { PreviewTable } from './preview-table';

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

const newImportId = () => `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Consent tools → "Import contacts (CSV)": pick a file, check the columns and first rows, import with progress. */
export function CsvImportSection(): ReactNode {
  const { t, i18n } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<MappingSuggestion>({});
  const [hasHeader, setHasHeader] = useState<boolean | undefined>(undefined);
  const [purposes, setPurposes] = useState<ConsentPurpose[]>(['marketing']);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [attester, setAttester] = useState('');
  // Keeping what is on record is the default: a file renames nobody unless the owner says so.
  const [existingNames, setExistingNames] = useState<ExistingNameChoice>('keep');
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const importId = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const n = new Intl.NumberFormat(i18n.language);

  useEffect(
    () =>
      api.events.subscribe('import:progress', (p) => {
        if (p.importId === importId.current) setProgress(p);
      }),
    [],
  );

  async function check(next: { text: string; name: string }, map?: MappingSuggestion, header?: boolean, forPurposes = purposes) {
    setMessage(t('import.reading'));
    const result = await api.import.preview({
      text: next.text,
      fileName: next.name,
      ...(map ? { mapping: map } : {}),
      ...(header !== undefined ? { hasHeader: header } : {}),
      defaultPurposes: forPurposes,
    });
    if (!result.ok) {
      setMessage(result.error.message);
      setPreview(null);
      return;
    }
    setMessage('');
    setPreview(result.value);
    setHasHeader(result.value.hasHeader);
    setMapping(map ?? result.value.suggested);
  }

  async function pick(chosen: File | undefined) {
    setSummary(null);
    setPreview(null);
    if (!chosen) return;
    if (chosen.size > IMPORT_MAX_CHARS) {
      setMessage(t('import.tooBig'));
      return;
    }
    const next = { name: chosen.name, text: await readFile(chosen) };
    setFile(next);
    await check(next);
  }

  async function start() {
    if (!file || !preview?.mapping) return;
    const id = newImportId();
    importId.current = id;
    setProgress({ importId: id, phase: 'checking', done: 0, total: preview.counts.total, created: 0, updated: 0, confirmed: 0, revoked: 0, skipped: 0, errors: 0 });
    const result = await run(() =>
      api.import.run({
        text: file.text,
        fileName: file.name,
        mapping: mapping as ColumnMapping,
        hasHeader,
        defaultPurposes: purposes,
        attester,
        importId: id,
        existingNames,
      }),
    );
    importId.current = null;
    setProgress(null);
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    setSummary(result.value);
  }

  function again() {
    setSummary(null);
    setPreview(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  }

  const running = progress !== null;
  const togglePurpose = (purpose: ConsentPurpose, on: boolean) => {
    const next = on ? [...new Set([...purposes, purpose])] : purposes.filter((p) => p !== purpose);
    setPurposes(next);
    if (file && next.length > 0) void check(file, mapping, hasHeader, next);
  };

  return (
    <section aria-labelledby="import-title" className="import-section">
      <h2 id="import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      {summary ? (
        <ImportResult summary={summary} onAgain={again} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <Field label={t('import.file')} hint={t('import.fileHint')}>
            {({ id, describedBy }) => (
              <input
                ref={fileInput}
                id={id}
                aria-describedby={describedBy}
                type="file"
                accept=".csv,text/csv"
                disabled={running}
                onChange={(e) => void pick(e.target.files?.[0])}
              />
            )}
          </Field>
          {preview && file && (
            <>
              <div className="field">
                <label>
                  <input type="checkbox" checked={hasHeader ?? false} disabled={running} onChange={(e) => void check(file, undefined, e.target.checked)} />{' '}
                  {t('import.hasHeader')}
                </label>
              </div>
              <MappingFields
                headers={preview.headers}
                mapping={mapping}
                problem={preview.mappingProblem}
                onChange={(next) => {
                  setMapping(next);
                  void check(file, next, hasHeader);
                }}
              />
              <fieldset>
                <legend>{t('import.defaultPurposes')}</legend>
                {(['marketing', 'utility'] as const).map((purpose) => (
                  <label key={purpose} className="checkbox">
                    <input type="checkbox" checked={purposes.includes(purpose)} disabled={running} onChange={(e) => togglePurpose(purpose, e.target.checked)} />{' '}
                    {t(`import.${purpose}`)}
                  </label>
                ))}
              </fieldset>
              <p role="status">
                {t('import.counts', Object.fromEntries(Object.entries(preview.counts).map(([k, v]) => [k, n.format(v)])))}{' '}
                {preview.defaultCountry ? t('import.countryNote', { country: preview.defaultCountry }) : t('import.noCountry')}
              </p>
              <PreviewTable preview={preview} />
              <NameChanges preview={preview} choice={existingNames} disabled={running} onChoose={setExistingNames} />
              <Field label={t('import.attester')} hint={t('import.attesterHint')}>
                {({ id, describedBy }) => (
                  <input id={id} aria-describedby={describedBy} value={attester} required maxLength={80} disabled={running} onChange={(e) => setAttester(e.target.value)} />
                )}
              </Field>
              <div className="form-actions">
                <button type="submit" className="primary" disabled={running || !preview.mapping || attester.trim() === '' || purposes.length === 0}>
                  {t('import.start')}
                </button>
                {running && (
                  <button type="button" onClick={() => importId.current && void api.import.cancel({ importId: importId.current })}>
                    {t('import.cancel')}
                  </button>
                )}
              </div>
            </>
          )}
          {running && progress && (
            <div className="import-progress">
              <label htmlFor="import-progress-bar">{t('import.progressLabel')}</label>{' '}
              <progress id="import-progress-bar" max={Math.max(1, progress.total)} value={progress.phase === 'checking' ? undefined : progress.done} />{' '}
              <span>{t('import.progressText', { done: n.format(progress.done), total: n.format(progress.total) })}</span>
            </div>
          )}
          <p role="status">{message}</p>
        </form>
      )}
      {dialog}
    </section>
  );
}
