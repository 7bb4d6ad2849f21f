import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../shared/contract';
import { api } from '../../api';
import { HostedSnippet } from '../entry-points/hosted-snippet';
import { useOwnerGate } from '../owner/use-owner-gate';

type Widget = ResultOf<'optInWidgets:list'>[number];
type Kind = Widget['kind'];
type Purpose = 'utility' | 'marketing';
type Hosted = NonNullable<ResultOf<'optInWidgets:snippet'>['hosted']>;

/** Create opt-in widgets (form, popup, account switch), list them and copy their snippets. */
export function OptInWidgetsSection(): ReactNode {
  const { t } = useTranslation();
  const [widgets, setWidgets] = useState<Widget[]>([]);
  const [kind, setKind] = useState<Kind>('web_widget');
  const [name, setName] = useState('');
  const [purposes, setPurposes] = useState<Purpose[]>(['utility']);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ code: string; kind: Kind; hosted?: Hosted } | null>(null);
  const { run, dialog } = useOwnerGate();

  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    void api.optInWidgets.list().then((result) => live && result.ok && setWidgets(result.value));
    return () => {
      live = false;
    };
  }, [loads]);
  const load = async () => setLoads((n) => n + 1);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() => api.optInWidgets.create({ kind, name, purposes }));
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setName('');
    await load();
  };

  const copy = async (code: string, kind: Kind) => {
    const result = await api.optInWidgets.snippet({ code });
    if (!result.ok) return setError(result.error.message);
    await navigator.clipboard.writeText(result.value.snippet);
    setCopied({ code, kind, ...(result.value.hosted ? { hosted: result.value.hosted } : {}) });
  };

  const toggle = (p: Purpose) => setPurposes((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));

  return (
    <section aria-labelledby="optin-widgets-title" className="settings-block">
      <h2 id="optin-widgets-title">{t('remoteOptIns.widgets.title')}</h2>
      <p>{t('remoteOptIns.widgets.explain')}</p>
      <form onSubmit={create}>
        <label>
          {t('remoteOptIns.widgets.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(['web_widget', 'web_popup', 'in_app_toggle'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`remoteOptIns.widgets.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('remoteOptIns.widgets.name')} <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
        </label>
        <fieldset>
          <legend>{t('remoteOptIns.widgets.purposes')}</legend>
          {(['utility', 'marketing'] as const).map((p) => (
            <label key={p}>
              <input type="checkbox" checked={purposes.includes(p)} onChange={() => toggle(p)} /> {t(`remoteOptIns.widgets.${p}`)}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('remoteOptIns.widgets.create')}</button>
      </form>
      {widgets.length === 0 ? (
        <p>{t('remoteOptIns.widgets.empty')}</p>
      ) : (
        <ul>
          {widgets.map((w) => (
            <li key={w.code}>
              <strong>{w.name}</strong> · {t(`remoteOptIns.widgets.kinds.${w.kind}`)} · {t('remoteOptIns.widgets.code', { code: w.code })} ·{' '}
              {t('remoteOptIns.widgets.statementVersion', { version: w.statementVersion })}{' '}
              <button type="button" onClick={() => void copy(w.code, w.kind)}>
                {t('remoteOptIns.widgets.copySnippet')}
              </button>
              {copied?.code === w.code && <span role="status"> {t('remoteOptIns.widgets.copied')}</span>}
            </li>
          ))}
        </ul>
      )}
      {/* Where the copied snippet goes, and its form for sites with a strict Content-Security-Policy. */}
      {copied && (
        <div className="optin-widget-paste">
          <p className="field-hint">{t(`remoteOptIns.widgets.pasteWhere.${copied.kind}`)}</p>
          {copied.hosted && <HostedSnippet hosted={copied.hosted} script level={3} />}
        </div>
      )}
      {dialog}
    </section>
  );
}
