import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { checklist, type ChecklistFacts } from '../components/getting-started/checklist';
import '../components/getting-started/getting-started.css';

/** What the checklist reads from main: entry points, contacts who opted in, messages sent, the connection. */
async function readFacts(): Promise<ChecklistFacts | null> {
  const [entryPoints, optedIn, stopped, stats, connection] = await Promise.all([
    api.entryPoints.list(),
    api.contacts.search({ text: '', state: 'opted_in', limit: 1 }),
    api.contacts.search({ text: '', state: 'opted_out', limit: 1 }),
    api.stats.today({ days: 90 }),
    api.connection.get(),
  ]);
  if (!entryPoints.ok || !optedIn.ok || !stopped.ok || !stats.ok || !connection.ok) return null;
  return {
    entryPoints: entryPoints.value.length,
    optedIn: optedIn.value.total + stopped.value.total,
    messagesSent: stats.value.messages.reduce((sum, day) => sum + day.sent, 0),
    mode: connection.value.mode,
  };
}

/**
 * Where the wizard lands: four first steps that tick themselves from real data as the owner does each (re-read when
 * the data changes), each with a link to the page that does it.
 */
export function GettingStartedPage(): ReactNode {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<ChecklistFacts | null>(null);
  const load = useCallback(() => void readFacts().then(setFacts), []);
  useEffect(() => {
    load();
    const offData = api.events.subscribe('data:changed', load);
    const offOutbox = api.events.subscribe('outbox:changed', load);
    return () => {
      offData();
      offOutbox();
    };
  }, [load]);

  const steps = facts ? checklist(facts) : [];
  const done = steps.filter((s) => s.done).length;
  return (
    <>
      <h1>{t('gettingStarted.title')}</h1>
      <p className="muted">{t('gettingStarted.intro')}</p>
      {!facts ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <>
          <p role="status" data-testid="getting-started-progress">
            {t('gettingStarted.progress', { done, total: steps.length })}
          </p>
          <ol className="getting-started" data-testid="getting-started">
            {steps.map((s) => (
              <li key={s.step} data-step={s.step} data-done={s.done}>
                <span aria-hidden="true">{s.done ? '✔' : '○'}</span>{' '}
                <strong>{t(`gettingStarted.steps.${s.step}.title`)}</strong>{' '}
                <span className="visually-hidden">{s.done ? t('gettingStarted.done') : t('gettingStarted.todo')}</span>
                <p className="muted">{t(`gettingStarted.steps.${s.step}.hint`)}</p>
                {!s.done && <a href={`#/${s.route}`}>{t(`gettingStarted.steps.${s.step}.action`)}</a>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
