import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/contract';
import type { CampaignDetail as Detail, CampaignView } from '../../../shared/contract/campaigns';
import { api } from '../../api';
import { ConfirmDialog } from '../consent/confirm-dialog';
import { downloadText } from '../entry-points/download';
import { useOwnerGate } from '../owner/use-owner-gate';
import { categoryText } from '../templates/template-status';
import { percentText } from './campaign-words';
import { DraftActions } from './draft-actions';
import { DryRunPanel } from './dry-run-panel';
import { FunnelChart } from './funnel-chart';
import { pauseText } from './pause-text';
import { ReasonTable } from './reason-table';
import { SkippedSummary } from './skipped-summary';

/** One campaign: the dry run while a draft; then live progress, pause/resume/cancel, the funnel and the export. */
export function CampaignDetail({
  id,
  onChanged,
  onBack,
  onEdit,
  onOpen,
}: {
  id: string;
  onChanged: (campaign: CampaignView) => void;
  onBack: () => void;
  /** Edit this draft. */
  onEdit: (campaign: CampaignView) => void;
  /** Open another campaign (the duplicate). */
  onOpen: (campaign: CampaignView) => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const { run, dialog } = useOwnerGate();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    const result = await api.campaigns.get({ id });
    if (result.ok) setDetail(result.value);
    else setError(result.error);
  }, [id]);

  useEffect(() => {
    void api.campaigns.get({ id }).then((result) => (result.ok ? setDetail(result.value) : setError(result.error)));
    return api.events.subscribe('campaign:progress', (progress) => {
      if (progress.id === id) void load();
    });
  }, [id, load]);

  const act = async (call: () => Promise<Result<CampaignView>>) => {
    setError(null);
    const result = await run(call);
    if (result.ok) {
      onChanged(result.value);
      await load();
    } else setError(result.error);
  };

  const exportCsv = async () => {
    const result = await run(() => api.campaigns.export({ id }));
    if (result.ok) downloadText(result.value.csv, result.value.fileName, 'text/csv;charset=utf-8');
    else setError(result.error);
  };

  if (!detail) return <p aria-busy={!error}>{error ? error.message : t('campaigns.loading')}</p>;
  const total = detail.planned?.send ?? detail.counts.queued;
  const done = detail.counts.done;
  const reasons = [...Object.entries(detail.failedByReason), ...Object.entries(detail.skippedByReason)];
  const progress = t('campaigns.detail.progressValue', { percent: percentText(done, total, i18n.language), done: number.format(done), total: number.format(total) });
  const category = categoryText(detail.template.category);

  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('campaigns.detail.back')}
        </button>
      </p>
      <h2>
        {detail.name} <span className="muted">— {t(`campaigns.status.${detail.status}`)}</span>
      </h2>
      <p className="muted">
        {detail.template.name} ({detail.template.language}) · {t(category.key, category.values)}
        {detail.startedAt && ` · ${t('campaigns.detail.startedAt', { when: date.format(new Date(detail.startedAt)) })}`}
        {detail.completedAt && ` · ${t('campaigns.detail.completedAt', { when: date.format(new Date(detail.completedAt)) })}`}
      </p>
      <DraftActions campaign={detail} onEdit={onEdit} onDuplicated={onOpen} onDeleted={onBack} />
      {detail.status === 'draft' ? (
        <DryRunPanel
          campaign={detail}
          onStarted={(c) => {
            onChanged(c);
            void load();
          }}
        />
      ) : (
        <>
          {detail.status === 'scheduled' && detail.scheduledAt && <p>{t('campaigns.send.scheduledFor', { when: date.format(new Date(detail.scheduledAt)) })}</p>}
          <div className="campaign-progress">
            <label htmlFor="campaign-progress">{t('campaigns.detail.progressLabel')}</label>
            <progress id="campaign-progress" max={Math.max(total, 1)} value={Math.min(done, total)} aria-valuetext={progress} />
            <span role="status" data-testid="campaign-progress-text">
              {progress}
            </span>
          </div>
          {detail.status === 'paused' && detail.pauseReason && <p className="campaign-paused">{t('campaigns.detail.pausedBecause', { reason: pauseText(t, detail, i18n.language) })}</p>}
          <div className="campaign-actions">
            {(detail.status === 'sending' || detail.status === 'scheduled') && (
              <button type="button" onClick={() => void act(() => api.campaigns.pause({ id }))}>
                {t('campaigns.detail.pause')}
              </button>
            )}
            {detail.status === 'paused' && (
              <button type="button" className="primary" onClick={() => void act(() => api.campaigns.resume({ id }))}>
                {t('campaigns.detail.resume')}
              </button>
            )}
            {['sending', 'scheduled', 'paused'].includes(detail.status) && (
              <button type="button" onClick={() => setConfirming(true)}>
                {t('campaigns.detail.cancel')}
              </button>
            )}
            <button type="button" onClick={() => void exportCsv()}>
              {t('campaigns.detail.export')}
            </button>
          </div>
          <FunnelChart counts={detail.counts} />
          <SkippedSummary detail={detail} />
          <section className="campaign-section">
            <h3>{t('campaigns.detail.failedTitle')}</h3>
            {reasons.length === 0 ? (
              <p>{t('campaigns.detail.failedNone')}</p>
            ) : (
              <ReasonTable
                caption={t('campaigns.detail.failedTitle')}
                captionHidden
                reasonHeader={t('campaigns.detail.reasonColumn')}
                countHeader={t('campaigns.detail.countColumn')}
                rows={reasons}
              />
            )}
          </section>
        </>
      )}
      <p role="alert" className="form-error">
        {error?.message}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('campaigns.detail.cancel')}
          confirmLabel={t('campaigns.detail.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void act(() => api.campaigns.cancel({ id }));
          }}
        >
          <p>{t('campaigns.detail.confirmCancel')}</p>
        </ConfirmDialog>
      )}
      {dialog}
    </>
  );
}
