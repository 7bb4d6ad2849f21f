import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RowError } from '../../../shared/contract/import';

/** A row problem in the UI language (the English sentence when a code has no translation). */
export function useProblemText(): (error: Pick<RowError, 'reason' | 'problems'>) => string {
  const { t } = useTranslation();
  return (error) =>
    error.problems.length === 0
      ? error.reason
      : error.problems.map((p) => t(`import.problems.${p.code}`, { value: p.value ?? '', defaultValue: error.reason })).join(' ');
}

/** The first rows of the file with what the import would do with each (or why it cannot). */
export function PreviewTable({ preview }: { preview: ImportPreview }): ReactNode {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-preview-title">
      <table className="data-table">
        <caption id="import-preview-title">{t('import.previewTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            {preview.headers.map((header, i) => (
              <th scope="col" key={i}>
                {header}
              </th>
            ))}
            <th scope="col">{t('import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row} className={row.ok ? undefined : 'row-invalid'}>
              <th scope="row">{row.row}</th>
              {preview.headers.map((_, i) => (
                <td key={i}>{row.cells[i] ?? ''}</td>
              ))}
              <td>
                <strong>{t(`import.kinds.${row.kind}`)}</strong>
                {row.phone && <> · {row.phone}</>}
                {!row.ok && row.reason && <div>{problemText({ reason: row.reason, problems: row.problems ?? [] })}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
