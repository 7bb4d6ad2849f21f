import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfoView, BackupProgress } from '../../../shared/contract/backups';
import { api } from '../../api';
import { useStore } from '../../store';
import { ConfirmDialog } from '../consent/confirm-dialog';
import { useOwnerGate } from '../owner/use-owner-gate';

/** Settings → Backups: the automatic daily backups, "Back up now", and restoring one (finished at the next start). */
export function BackupsSettings(): ReactNode {
  const { t, i18n } = useTranslation();
  const { run, dialog } = useOwnerGate();
  // The desktop app restarts by itself after a restore is accepted; the browser preview cannot.
  const desktop = useStore((s) => s.info?.runtime === 'electron');
  const [backups, setBackups] = useState<BackupInfoView[]>([]);
  const [folder, setFolder] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<BackupInfoView | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);

  useEffect(() => api.events.subscribe('backup:progress', (p) => setProgress(p)), []);

  const [loads, setLoads] = useState(0);
  const load = useCallback(async () => setLoads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    void api.backup.list().then((result) => {
      if (!live || !result.ok) return;
      setBackups(result.value.backups);
      setFolder(result.value.folder);
      setPending(result.value.pendingRestore);
    });
    return () => {
      live = false;
    };
  }, [loads]);

  async function backUpNow() {
    setBusy(true);
    setMessage(t('backups.working'));
    const result = await run(() => api.backup.create());
    setBusy(false);
    setProgress(null);
    setMessage(result.ok ? t('backups.done') : result.error.code === 'cancelled' ? t('backups.cancelled') : result.error.message);
    await load();
  }

  async function cancelBackup() {
    await run(() => api.backup.cancel());
  }

  async function restore(backup: BackupInfoView) {
    setConfirming(null);
    const result = await run(() => api.backup.restore({ path: backup.path }));
    setMessage(result.ok ? t(desktop ? 'backups.restartingToFinish' : 'backups.restartToFinish') : result.error.message);
    await load();
  }

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const sizeFormat = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const mbFormat = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backups.title')}</h2>
      <p>{t('backups.explain', { folder })}</p>
      {pending && <p className="summary">{t('backups.pending')}</p>}
      <div className="form-actions">
        <button type="button" className="primary" onClick={backUpNow} disabled={busy} aria-busy={busy}>
          {t('backups.now')}
        </button>
        {busy && (
          <button type="button" onClick={() => void cancelBackup()}>
            {t('backups.cancel')}
          </button>
        )}
        <span role="status">{message}</span>
      </div>
      {busy && progress && (
        <p className="import-progress">
          <label htmlFor="backup-progress-bar">{t('backups.progressLabel')}</label>{' '}
          <progress id="backup-progress-bar" max={Math.max(1, progress.total)} value={progress.done} />{' '}
          <span>{t('backups.progressText', { done: mbFormat.format(progress.done / 1_000_000), total: mbFormat.format(progress.total / 1_000_000) })}</span>
        </p>
      )}
      {backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('backups.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.path}>
                <td>{dateFormat.format(b.createdAt)}</td>
                <td>{t(`backups.kinds.${b.kind}`)}</td>
                <td>{sizeFormat.format(b.bytes / 1_000_000)}</td>
                <td>
                  <button type="button" onClick={() => setConfirming(b)}>
                    {t('backups.restore')}
                    <span className="visually-hidden"> {dateFormat.format(b.createdAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          confirmLabel={t('backups.restore')}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('backups.confirmBody', { when: dateFormat.format(confirming.createdAt) })}</p>
        </ConfirmDialog>
      )}
      {dialog}
    </section>
  );
}
