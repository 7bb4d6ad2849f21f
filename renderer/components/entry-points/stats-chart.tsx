import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EntryPointStats } from '../../store/entry-points-slice';
import { AccessibleChart } from '../charts/accessible-chart';
import { seriesColour } from '../charts/palette';

/** The per-day rows the chart and the table share: one column per entry point that has chats. */
export function chartRows(stats: EntryPointStats): { series: { refCode: string; name: string }[]; rows: Record<string, string | number>[] } {
  const series = stats.filter((s) => s.days.some((d) => d.chats > 0)).map(({ refCode, name }) => ({ refCode, name }));
  const byDay = new Map<string, Record<string, string | number>>();
  for (const s of stats) {
    for (const { day, chats } of s.days) {
      const row = byDay.get(day) ?? { day };
      row[s.refCode] = chats;
      byDay.set(day, row);
    }
  }
  const rows = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  for (const row of rows) for (const { refCode } of series) row[refCode] ??= 0;
  return { series, rows };
}

/** "Chats started per entry point per day" as a stacked bar chart, with the same numbers as a table for screen readers. */
export function StatsChart({ stats }: { stats: EntryPointStats | null }): ReactNode {
  const { t, i18n } = useTranslation();
  const { series, rows } = chartRows(stats ?? []);
  if (series.length === 0) return <p className="empty-state">{t('entryPoints.noChatsYet')}</p>;

  const number = new Intl.NumberFormat(i18n.language);
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const totals = series.map((s) => ({
    ...s,
    total: rows.reduce((sum, row) => sum + Number(row[s.refCode] ?? 0), 0),
  }));
  const summary = t('entryPoints.chartSummary', {
    days: rows.length,
    list: totals.map((s) => t('entryPoints.chartItem', { name: s.name, count: s.total, formatted: number.format(s.total) })).join('; '),
  });

  return (
    <AccessibleChart
      summary={summary}
      className="ep-chart"
      tableClassName="ep-chart-table"
      tableToggle={t('entryPoints.chartAsTable')}
      table={{
        caption: t('entryPoints.chartTitle'),
        head: [t('entryPoints.day'), ...series.map((s) => `${s.name} (${s.refCode})`)],
        rows: rows.map((row) => ({
          key: String(row.day),
          header: dayLabel(String(row.day)),
          cells: series.map((s) => number.format(Number(row[s.refCode] ?? 0))),
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={dayLabel} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(day) => dayLabel(String(day))} />
          <Legend />
          {series.map((s, i) => (
            <Bar key={s.refCode} dataKey={s.refCode} name={s.name} stackId="chats" fill={seriesColour(i)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </AccessibleChart>
  );
}
