import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AccessibleChart } from './accessible-chart';
import { dayFormat, numberFormat } from './format';
import { seriesColour } from './palette';
import './charts.css';

/** One row per day: `day` plus a number per series key. */
export type DayRow = { day: string } & Record<string, number | string>;

/** A per-day chart (stacked bars, side-by-side bars or lines) with its accessible summary and table. */
export function DayChart({
  rows,
  series,
  kind,
  summary,
  caption,
  tableToggle,
  dayHeader,
}: {
  rows: DayRow[];
  series: { key: string; label: string }[];
  kind: 'stacked' | 'bars' | 'lines';
  summary: string;
  caption: string;
  tableToggle: string;
  dayHeader: string;
}): ReactNode {
  const { i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  const day = dayFormat(i18n.language);
  const long = dayFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const value = (row: DayRow, key: string) => Number(row[key] ?? 0);
  const common = { data: rows, accessibilityLayer: false, margin: { top: 8, right: 16, bottom: 8, left: 0 } };
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="day" tickFormatter={day} minTickGap={12} />,
    <YAxis key="y" allowDecimals={false} tickFormatter={(n: number) => number(n)} />,
    <Tooltip key="tip" labelFormatter={(d) => long(String(d))} formatter={(n) => number(Number(n))} />,
    <Legend key="legend" />,
  ];
  return (
    <AccessibleChart
      summary={summary}
      className="day-chart"
      tableClassName="day-chart-table"
      tableToggle={tableToggle}
      table={{
        caption,
        head: [dayHeader, ...series.map((s) => s.label)],
        rows: rows.map((row) => ({ key: row.day, header: long(row.day), cells: series.map((s) => number(value(row, s.key))) })),
      }}
    >
      <ResponsiveContainer width="100%" height={260}>
        {kind === 'lines' ? (
          <LineChart {...common}>
            {axes}
            {series.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={seriesColour(i)} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart {...common}>
            {axes}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={seriesColour(i)}
                isAnimationActive={false}
                {...(kind === 'stacked' ? { stackId: 'total' } : {})}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </AccessibleChart>
  );
}
