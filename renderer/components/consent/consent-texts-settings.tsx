import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { CONSENT_TEXT_KINDS, type ConsentTextKind } from '../../../shared/domain/consent/texts';
import { api } from '../../api';
import { useStore } from '../../store';
import { useOwnerGate } from '../owner/use-owner-gate';
import '../owner/owner.css';
import './consent.css';

interface TextVersion {
  kind: ConsentTextKind;
  locale: string;
  version: number;
  text: string;
  hash: string;
  createdAt: string;
}

/** The texts of one language, as main sent them: every box shows (and saves) exactly these. */
interface LoadedTexts {
  locale: string;
  current: TextVersion[];
  history: TextVersion[];
}

/** Settings section: the five consent texts in the shop's language; saving an edit creates a new version. */
export function ConsentTextsSettings(): ReactNode {
  const { t, i18n } = useTranslation();
  const locale = useStore((s) => s.profile?.locale ?? 'en');
  const [loaded, setLoaded] = useState<LoadedTexts | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  const [loads, setLoads] = useState(0);
  // Kept here, not in the editor: a save reloads the texts and the editor of the new version is a new one.
  const [saved, setSaved] = useState<{ locale: string; kind: ConsentTextKind; version: number } | null>(null);

  useEffect(() => {
    let live = true;
    void api.consent.texts({ locale }).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.error);
      setLoadError(null);
      setLoaded({ locale, current: result.value.current, history: result.value.history });
    });
    return () => {
      live = false;
    };
  }, [locale, loads]);

  // Saving a text reloads all of them: the new version and its place in the history come from main.
  const load = async (version: TextVersion) => {
    setSaved({ locale: version.locale, kind: version.kind, version: version.version });
    setLoads((n) => n + 1);
  };

  // Another language's texts never stay in the boxes under this language's label: nothing shows until `locale`'s
  // own texts arrive.
  const shown = loaded?.locale === locale ? loaded : null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="settings-consent-texts" className="settings-block" aria-busy={shown === null} data-texts-locale={shown?.locale ?? ''}>
      <h2 id="settings-consent-texts">{t('counter.texts.sectionTitle')}</h2>
      <p>{t('counter.texts.explain', { locale })}</p>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError.message}
        </p>
      )}
      {shown &&
        CONSENT_TEXT_KINDS.map((kind) => {
          const version = shown.current.find((v) => v.kind === kind);
          return (
            <TextEditor
              // A new language or version is a new editor: its box starts from the stored text, never from the last one.
              key={`${shown.locale}-${kind}-${version?.version ?? 0}-${version?.hash ?? ''}`}
              kind={kind}
              version={version}
              history={shown.history.filter((v) => v.kind === kind).sort((a, b) => b.version - a.version)}
              formatDate={(iso) => dateFormat.format(new Date(iso))}
              savedVersion={saved?.locale === shown.locale && saved.kind === kind ? saved.version : undefined}
              onSaved={load}
            />
          );
        })}
    </section>
  );
}

interface TextEditorProps {
  kind: ConsentTextKind;
  version: TextVersion | undefined;
  history: TextVersion[];
  formatDate(iso: string): string;
  /** The version this box's last save created, to say so after the reload. */
  savedVersion: number | undefined;
  onSaved(version: TextVersion): Promise<void>;
}

function TextEditor({ kind, version, history, formatDate, savedVersion, onSaved }: TextEditorProps): ReactNode {
  const { t } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const [text, setText] = useState(version?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = `consent-text-${kind}`;
  const changed = text !== (version?.text ?? '');

  async function save() {
    if (!version) return;
    // Saved as the language and on top of the version this box was loaded with; main refuses anything else.
    const edits = { version: version.version, hash: version.hash };
    const result = await run(() => api.consent.saveText({ kind, locale: version.locale, text, edits }));
    if (!result.ok) {
      setError(result.error.message);
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    await onSaved(result.value);
  }

  return (
    <div className={error ? 'field text-editor field-invalid' : 'field text-editor'}>
      <label htmlFor={id}>
        {t(`counter.texts.kind.${kind}`)}{' '}
        <span className="muted">{version ? t('counter.texts.version', { version: version.version }) : ''}</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('counter.texts.placeholders')}
      </p>
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-invalid={Boolean(error)}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void save()} disabled={!changed || !version}>
          {t('counter.texts.save', { kind: t(`counter.texts.kind.${kind}`) })}
        </button>
        <span role="status" className="muted">
          {savedVersion !== undefined ? t('counter.texts.saved', { version: savedVersion }) : ''}
        </span>
      </div>
      {history.length > 0 && (
        <details>
          <summary>{t('counter.texts.history', { count: history.length })}</summary>
          <ol className="text-history">
            {history.map((v) => (
              <li key={v.version}>
                <strong>{t('counter.texts.version', { version: v.version })}</strong> — {formatDate(v.createdAt)}
                <blockquote>{v.text}</blockquote>
              </li>
            ))}
          </ol>
        </details>
      )}
      {dialog}
    </div>
  );
}
