import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/import';
import type { ExistingNameChoice } from '../../../shared/domain/import/name-changes';

const SHOWN = 20;

/**
 * The contacts on record the file names differently, shown before anything is written, with the owner's choice:
 * keep the stored names or take the file's. Nothing renders when the file renames nobody.
 */
export function NameChanges({
  preview,
  choice,
  disabled,
  onChoose,
}: {
  preview: ImportPreview;
  choice: ExistingNameChoice;
  disabled: boolean;
  onChoose: (choice: ExistingNameChoice) => void;
}): ReactNode {
  const { t } = useTranslation();
  const count = preview.counts.nameChanges;
  if (count === 0) return null;
  const shown = preview.nameChanges.slice(0, SHOWN);
  return (
    <fieldset className="import-name-changes">
      <legend>{t('import.names.title', { count })}</legend>
      <p>{t('import.names.intro')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-name-changes-caption">
        <table className="data-table">
          <caption id="import-name-changes-caption">{t('import.names.title', { count })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.names.phone')}</th>
              <th scope="col">{t('import.names.current')}</th>
              <th scope="col">{t('import.names.incoming')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((change) => (
              <tr key={change.phone}>
                <td>{change.row}</td>
                <td>{change.phone}</td>
                <td>{change.current}</td>
                <td>{change.incoming}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > shown.length && <p>{t('import.names.more', { shown: shown.length, count })}</p>}
      {(['keep', 'replace'] as const).map((value) => (
        <label key={value} className="checkbox">
          <input
            type="radio"
            name="import-existing-names"
            value={value}
            checked={choice === value}
            disabled={disabled}
            onChange={() => onChoose(value)}
          />{' '}
          {t(`import.names.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
