import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../shared/contract/campaigns';
import { reasonLabel } from './campaign-words';

/**
 * How many of the audience did not get the campaign and why: those the dry run left out when it started (consent,
 * messaging limit…) and those the gate stopped at send time (an opt-out in between), in one count.
 */
export function SkippedSummary({ detail }: { detail: CampaignDetail }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const byReason = new Map<string, number>();
  for (const [reason, n] of [...Object.entries(detail.plannedSkippedByReason), ...Object.entries(detail.skippedByReason)]) byReason.set(reason, (byReason.get(reason) ?? 0) + n);
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  return (
    <section className="campaign-section" aria-labelledby="campaign-skipped-title" data-testid="campaign-skipped">
      <h3 id="campaign-skipped-title">{t('campaigns.journey.skippedTitle', { count: total })}</h3>
      {total === 0 ? (
        <p>{t('campaigns.journey.skippedNone')}</p>
      ) : (
        <table className="campaigns-table">
          <caption className="visually-hidden">{t('campaigns.journey.skippedWhy')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.detail.reasonColumn')}</th>
              <th scope="col" className="num">
                {t('campaigns.dryRun.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...byReason.entries()].map(([reason, n]) => (
              <tr key={reason}>
                <td>{reasonLabel(t, reason)}</td>
                <td className="num">{number.format(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
