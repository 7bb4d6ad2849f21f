import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryPoint } from '../../../shared/domain/entry-points/types';
import { useStore } from '../../store';
import { KIND_LABEL } from './kind-picker';

interface EntryPointListProps {
  entryPoints: EntryPoint[];
  onEdit(id: string): void;
}

/** The stored entry points as a table with Edit, Duplicate and Delete (asks first) on each row. */
export function EntryPointList({ entryPoints, onEdit }: EntryPointListProps): ReactNode {
  const { t, i18n } = useTranslation();
  const duplicateEntryPoint = useStore((s) => s.duplicateEntryPoint);
  const deleteEntryPoint = useStore((s) => s.deleteEntryPoint);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function duplicate(entry: EntryPoint) {
    setError(undefined);
    const result = await duplicateEntryPoint(entry.id);
    if (!result.ok) setError(result.error.message);
    else setStatus(t('entryPoints.duplicated', { name: result.value.name, ref: result.value.refCode }));
  }

  async function remove(entry: EntryPoint) {
    setError(undefined);
    const result = await deleteEntryPoint(entry.id);
    setConfirming(null);
    if (!result.ok) setError(result.error.message);
    else setStatus(t('entryPoints.deleted', { name: entry.name }));
  }

  return (
    <>
      <table className="ep-table">
        <caption className="visually-hidden">{t('entryPoints.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entryPoints.name')}</th>
            <th scope="col">{t('entryPoints.kindLabel')}</th>
            <th scope="col">{t('entryPoints.refCode')}</th>
            <th scope="col">{t('entryPoints.updated')}</th>
            <th scope="col">{t('entryPoints.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entryPoints.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.name}</th>
              <td>{t(KIND_LABEL[entry.kind])}</td>
              <td>
                <code>{entry.refCode}</code>
              </td>
              <td>{dateFormat.format(new Date(entry.updatedAt))}</td>
              <td className="ep-row-actions">
                {confirming === entry.id ? (
                  <span role="group" aria-label={t('entryPoints.confirmDeleteLabel', { name: entry.name })}>
                    <span className="ep-confirm-text">{t('entryPoints.confirmDelete')}</span>
                    <button type="button" className="danger" onClick={() => void remove(entry)}>
                      {t('entryPoints.confirmDeleteYes', { name: entry.name })}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} autoFocus>
                      {t('common.cancel')}
                    </button>
                  </span>
                ) : (
                  <>
                    <button type="button" onClick={() => onEdit(entry.id)} aria-label={t('entryPoints.editNamed', { name: entry.name })}>
                      {t('entryPoints.edit')}
                    </button>
                    <button type="button" onClick={() => void duplicate(entry)} aria-label={t('entryPoints.duplicateNamed', { name: entry.name })}>
                      {t('entryPoints.duplicate')}
                    </button>
                    <button type="button" onClick={() => setConfirming(entry.id)} aria-label={t('entryPoints.deleteNamed', { name: entry.name })}>
                      {t('entryPoints.delete')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="ep-status">
        {status}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
