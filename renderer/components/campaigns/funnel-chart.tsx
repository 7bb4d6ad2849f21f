import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignCounts } from '../../../shared/contract/campaigns';
import { seriesColour } from '../charts/palette';

const STAGES = ['queued', 'accepted', 'sent', 'delivered', 'read', 'failed'] as const;

/** The delivery funnel as bars (one image with a spoken summary) and the same numbers as a visible table. */
export function FunnelChart({ counts }: { counts: CampaignCounts }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rows = STAGES.map((stage) => ({ stage, label: t(`campaigns.detail.stages.${stage}`), value: counts[stage] }));
  const summary = t('campaigns.detail.funnelSummary', { list: rows.map((r) => `${r.label} ${number.format(r.value)}`).join(', ') });
  return (
    <section className="campaign-section" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('campaigns.detail.funnelTitle')}</h2>
      <div className="funnel-chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} tickFormatter={(n: number) => number.format(n)} />
            <Tooltip formatter={(n) => number.format(Number(n))} />
            <Bar dataKey="value" name={t('campaigns.detail.count')} isAnimationActive={false}>
              {rows.map((r, i) => (
                <Cell key={r.stage} fill={r.stage === 'failed' ? seriesColour(3) : seriesColour(i === 0 ? 2 : 0)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="campaigns-table" data-testid="funnel-table">
        <caption>{t('campaigns.detail.funnelTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('campaigns.detail.stage')}</th>
            <th scope="col" className="num">
              {t('campaigns.detail.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows, { stage: 'skipped', label: t('campaigns.detail.stages.skipped'), value: counts.skipped }, { stage: 'unknown', label: t('campaigns.detail.stages.unknown'), value: counts.unknown }].map((r) => (
            <tr key={r.stage} data-stage={r.stage}>
              <th scope="row">{r.label}</th>
              <td className="num">{number.format(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
