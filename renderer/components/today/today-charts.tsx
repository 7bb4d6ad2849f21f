import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../shared/contract/stats';
import { DayChart, type DayRow } from '../charts/day-chart';
import { numberFormat } from '../charts/format';

type Split = DashboardView['optIns'];

/** One row per day with a column per key of a split series. */
function splitRows(days: Split, keys: string[]): DayRow[] {
  return days.map((d) => {
    const row: DayRow = { day: d.day };
    for (const key of keys) row[key] = d.by[key] ?? 0;
    return row;
  });
}

/** The dashboard's four charts, each with a heading, an accessible summary and table, or an empty state. */
export function TodayCharts({ dashboard }: { dashboard: DashboardView }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  const days = dashboard.days.length;
  const common = { tableToggle: t('dashboard.today.asTable'), dayHeader: t('dashboard.today.day') };
  const methodLabel = (method: string) => t(`dashboard.method.${method}`, { defaultValue: method });
  const list = (items: { name: string; value: number }[]) =>
    items.map((i) => t('dashboard.today.summaryItem', { name: i.name, value: number(i.value) })).join('; ');
  const totalsOf = (split: Split, keys: string[], label: (key: string) => string) =>
    keys.map((key) => ({ name: label(key), value: split.reduce((sum, d) => sum + (d.by[key] ?? 0), 0) }));
  const sum = (split: Split) => split.reduce((n, d) => n + d.total, 0);

  const messageTotals = dashboard.messages.reduce(
    (acc, d) => ({ sent: acc.sent + d.sent, delivered: acc.delivered + d.delivered, read: acc.read + d.read }),
    { sent: 0, delivered: 0, read: 0 },
  );
  const refName = new Map(dashboard.entryPoints.map((e) => [e.refCode, e.name]));

  const sections: { id: string; title: string; body: ReactNode }[] = [
    {
      id: 'optins',
      title: t('dashboard.today.optIns.title'),
      body:
        dashboard.optInMethods.length === 0 ? (
          <p className="empty-state">{t('dashboard.today.optIns.empty')}</p>
        ) : (
          <DayChart
            kind="stacked"
            rows={splitRows(dashboard.optIns, dashboard.optInMethods)}
            series={dashboard.optInMethods.map((m) => ({ key: m, label: methodLabel(m) }))}
            caption={t('dashboard.today.optIns.title')}
            summary={t('dashboard.today.optIns.summary', {
              days,
              total: number(sum(dashboard.optIns)),
              list: list(totalsOf(dashboard.optIns, dashboard.optInMethods, methodLabel)),
            })}
            {...common}
          />
        ),
    },
    {
      id: 'chats',
      title: t('dashboard.today.chats.title'),
      body:
        dashboard.entryPoints.length === 0 ? (
          <p className="empty-state">{t('dashboard.today.chats.empty')}</p>
        ) : (
          <DayChart
            kind="stacked"
            rows={splitRows(dashboard.chats, dashboard.entryPoints.map((e) => e.refCode))}
            series={dashboard.entryPoints.map((e) => ({ key: e.refCode, label: `${e.name} (${e.refCode})` }))}
            caption={t('dashboard.today.chats.title')}
            summary={t('dashboard.today.chats.summary', {
              days,
              total: number(sum(dashboard.chats)),
              list: list(dashboard.entryPoints.map((e) => ({ name: refName.get(e.refCode) ?? e.refCode, value: e.total }))),
            })}
            {...common}
          />
        ),
    },
    {
      id: 'messages',
      title: t('dashboard.today.messages.title'),
      body:
        messageTotals.sent + messageTotals.delivered + messageTotals.read === 0 ? (
          <p className="empty-state">{t('dashboard.today.messages.empty')}</p>
        ) : (
          <DayChart
            kind="lines"
            rows={dashboard.messages.map(({ day, sent, delivered, read }) => ({ day, sent, delivered, read }))}
            series={(['sent', 'delivered', 'read'] as const).map((k) => ({ key: k, label: t(`dashboard.today.counts.${k}`) }))}
            caption={t('dashboard.today.messages.title')}
            summary={t('dashboard.today.messages.summary', {
              days,
              sent: number(messageTotals.sent),
              delivered: number(messageTotals.delivered),
              read: number(messageTotals.read),
            })}
            {...common}
          />
        ),
    },
    {
      id: 'revocations',
      title: t('dashboard.today.revocations.title'),
      body:
        dashboard.revocationMethods.length === 0 ? (
          <p className="empty-state">{t('dashboard.today.revocations.empty')}</p>
        ) : (
          <DayChart
            kind="stacked"
            rows={splitRows(dashboard.revocations, dashboard.revocationMethods)}
            series={dashboard.revocationMethods.map((m) => ({ key: m, label: methodLabel(m) }))}
            caption={t('dashboard.today.revocations.title')}
            summary={t('dashboard.today.revocations.summary', {
              days,
              total: number(sum(dashboard.revocations)),
              list: list(totalsOf(dashboard.revocations, dashboard.revocationMethods, methodLabel)),
            })}
            {...common}
          />
        ),
    },
  ];

  return (
    <div className="today-charts">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`today-${s.id}-title`} className="today-chart">
          <h2 id={`today-${s.id}-title`}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </div>
  );
}
