import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { FieldErrorText } from '../forms/field-error';
import { useFormErrors, type FieldError } from '../forms/use-form-errors';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/contract';
import type { CampaignView, DryRunView } from '../../../shared/contract/campaigns';
import { formatPhone } from '../../../shared/domain/phone';
import { api } from '../../api';
import { useOwnerGate } from '../owner/use-owner-gate';
import { langAttribute } from '../templates/template-status';
import { reasonLabel } from './campaign-words';
import { DryRunPreviews } from './dry-run-previews';
import { ReasonTable } from './reason-table';

const SHOWN = 500;

/** A draft's dry run: who gets it, who is skipped and why, the messaging-limit budget; then send now or schedule. */
export function DryRunPanel({ campaign, onStarted }: { campaign: CampaignView; onStarted: (campaign: CampaignView) => void }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const { run, dialog } = useOwnerGate();
  const [dry, setDry] = useState<DryRunView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [tested, setTested] = useState<string | null>(null);
  // The schedule form: a time must be chosen and be in the future (reported on the field, which gets the focus).
  const validateAt = useCallback(
    (value: string): FieldError[] =>
      !value
        ? [{ field: 'campaign-at', message: t('campaigns.journey.errors.when') }]
        : Date.parse(value) <= Date.now()
          ? [{ field: 'campaign-at', message: t('campaigns.journey.errors.whenPast') }]
          : [],
    [t],
  );
  const schedule = useFormErrors(at, validateAt);

  const apply = useCallback((result: Result<DryRunView>) => {
    if (result.ok) setDry(result.value);
    else setError(result.error);
  }, []);
  useEffect(() => {
    void api.campaigns.dryRun({ id: campaign.id }).then(apply);
  }, [campaign.id, apply]);
  const load = async () => {
    setDry(null);
    apply(await api.campaigns.dryRun({ id: campaign.id }));
  };

  const start = async (when?: string) => {
    setBusy(true);
    setError(null);
    const result = await run(() => api.campaigns.start({ id: campaign.id, ...(when ? { at: new Date(when).toISOString() } : {}) }));
    setBusy(false);
    if (result.ok) onStarted(result.value);
    else setError(result.error);
  };

  const sendTest = async () => {
    setBusy(true);
    setError(null);
    setTested(null);
    const result = await run(() => api.campaigns.testSend({ id: campaign.id }));
    setBusy(false);
    if (result.ok) setTested(result.value.to);
    else setError(result.error);
  };

  if (!dry) {
    return (
      <>
        <p aria-busy={!error}>{error ? error.message : t('campaigns.loading')}</p>
        {dialog}
      </>
    );
  }
  const reasons = Object.entries(dry.byReason);
  return (
    <section className="campaign-section" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{t('campaigns.dryRun.title')}</h2>
      <p data-testid="dry-run-summary">{t('campaigns.dryRun.summary', { send: number.format(dry.send), audience: number.format(dry.audience), messages: number.format(dry.messages) })}</p>
      <p>
        {dry.budget.limit === null
          ? t('campaigns.dryRun.budgetUnlimited', { used: number.format(dry.budget.used) })
          : t('campaigns.dryRun.budget', {
              used: number.format(dry.budget.used),
              limit: number.format(dry.budget.limit),
              consumes: number.format(dry.budget.consumes),
              remaining: number.format(dry.budget.remaining ?? 0),
            })}
      </p>
      <DryRunPreviews dry={dry} lang={langAttribute(campaign.template.language)} />
      {reasons.length > 0 && (
        <ReasonTable
          caption={t('campaigns.dryRun.byReasonTitle')}
          reasonHeader={t('campaigns.dryRun.columns.reason')}
          countHeader={t('campaigns.dryRun.columns.count')}
          rows={reasons}
        />
      )}
      <h3>{t('campaigns.dryRun.skippedTitle', { count: number.format(dry.skippedTotal) })}</h3>
      {dry.skippedTotal === 0 ? (
        <p>{t('campaigns.dryRun.skippedNone')}</p>
      ) : (
        <>
          {dry.skippedTotal > SHOWN && <p className="muted">{t('campaigns.dryRun.truncated', { shown: number.format(SHOWN), total: number.format(dry.skippedTotal) })}</p>}
          <table className="campaigns-table" data-testid="skipped-table">
            <caption className="visually-hidden">{t('campaigns.dryRun.skippedTitle', { count: number.format(dry.skippedTotal) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.dryRun.columns.name')}</th>
                <th scope="col">{t('campaigns.dryRun.columns.phone')}</th>
                <th scope="col">{t('campaigns.dryRun.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {dry.skipped.slice(0, SHOWN).map((s) => (
                <tr key={s.contactId}>
                  <td>{s.name || t('campaigns.dryRun.noName')}</td>
                  <td>{formatPhone(s.phone)}</td>
                  <td>{reasonLabel(t, s.reason) + (s.detail ? ` (${s.detail})` : '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="campaign-actions">
        <button type="button" disabled={busy} onClick={() => void sendTest()} aria-describedby="campaign-test-hint">
          {t('campaigns.journey.testSend')}
        </button>
        <span className="field-hint" id="campaign-test-hint">
          {t('campaigns.journey.testHint')}
        </span>
      </div>
      <p role="status">{tested ? t('campaigns.journey.testSent', { phone: formatPhone(tested) }) : ''}</p>
      {dry.send === 0 ? (
        <p className="form-error">{t('campaigns.send.nobody')}</p>
      ) : dry.emptyValues.count > 0 ? null : (
        <div className="campaign-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
            {t('campaigns.send.now')}
          </button>
          <label htmlFor="campaign-at">{t('campaigns.send.at')}</label>
          <input id="campaign-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} {...schedule.fieldProps('campaign-at')} />
          <button type="button" disabled={busy} onClick={() => schedule.check() && void start(at)}>
            {t('campaigns.send.schedule')}
          </button>
          <FieldErrorText form={schedule} field="campaign-at" />
          <button type="button" onClick={() => void load()}>
            {t('campaigns.dryRun.run')}
          </button>
        </div>
      )}
      <p role="alert" className="form-error">
        {error?.message}
      </p>
      {dialog}
    </section>
  );
}
