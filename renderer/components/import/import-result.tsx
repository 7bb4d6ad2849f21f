import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../shared/contract/import';
import { downloadText } from '../entry-points/download';
import { importReportCsv } from './error-csv';
import { useProblemText } from './preview-table';

const SHOWN = 200;

/** What an import did, every skipped opt-out, and the problem rows (all of them in the download). */
export function ImportResult({ summary, onAgain }: { summary: ImportSummary; onAgain: () => void }): ReactNode {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const n = new Intl.NumberFormat(i18n.language);
  const count = (value: number) => n.format(value);
  return (
    <div className="import-result" aria-labelledby="import-result-title">
      <h3 id="import-result-title" tabIndex={-1}>
        {t('import.doneTitle')}
      </h3>
      {summary.cancelled && <p className="summary">{t('import.cancelled')}</p>}
      <p role="status">
        {t('import.summary', {
          created: count(summary.created),
          updated: count(summary.updated),
          confirmed: count(summary.confirmed),
          revoked: count(summary.revoked),
          alreadyRecorded: count(summary.alreadyRecorded),
        })}
      </p>
      {summary.namesKept + summary.namesReplaced > 0 && (
        <p>{t('import.names.result', { kept: count(summary.namesKept), replaced: count(summary.namesReplaced) })}</p>
      )}
      {summary.skippedOptedOut.length > 0 && (
        <details>
          <summary>{t('import.skippedTitle', { count: summary.skippedOptedOut.length })}</summary>
          <ul>
            {summary.skippedOptedOut.slice(0, SHOWN).map((s) => (
              <li key={`${s.row}-${s.purpose}`}>
                {t('import.row')} {s.row}: {s.phone} ({t(`import.${s.purpose}`)})
              </li>
            ))}
          </ul>
        </details>
      )}
      <h4>{t('import.errorsTitle', { count: summary.errors.length })}</h4>
      {summary.errors.length === 0 ? (
        <p>{t('import.noErrors')}</p>
      ) : (
        <>
          <ul className="import-errors">
            {summary.errors.slice(0, SHOWN).map((error) => (
              <li key={error.row}>
                {t('import.row')} {error.row}: {problemText(error)}
              </li>
            ))}
          </ul>
          {summary.errors.length > SHOWN && <p>{t('import.moreErrors', { shown: SHOWN, count: summary.errors.length })}</p>}
        </>
      )}
      <div className="form-actions">
        {(summary.errors.length > 0 || summary.skippedOptedOut.length > 0) && (
          <button type="button" onClick={() => downloadText(importReportCsv(summary), `import-problems-${summary.fileName}`, 'text/csv')}>
            {t('import.downloadErrors')}
          </button>
        )}
        <button type="button" onClick={onAgain}>
          {t('import.another')}
        </button>
      </div>
    </div>
  );
}
