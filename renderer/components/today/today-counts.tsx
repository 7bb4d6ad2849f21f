import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../shared/contract/stats';
import { dayFormat, numberFormat } from '../charts/format';

const ORDER = ['optIns', 'chatsStarted', 'sent', 'delivered', 'read', 'revocations'] as const;

/** Today's counts as big numbers, each with its label (a description list, so each number is announced with it). */
export function TodayCounts({ dashboard }: { dashboard: DashboardView }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  const date = dayFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <section aria-labelledby="today-counts-title">
      <h2 id="today-counts-title">{t('dashboard.today.countsTitle', { date: date(dashboard.today) })}</h2>
      <dl className="today-counts">
        {ORDER.map((key) => (
          <div key={key} className="today-count" data-count={key}>
            <dt>{t(`dashboard.today.counts.${key}`)}</dt>
            <dd>{number(dashboard.counts[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
