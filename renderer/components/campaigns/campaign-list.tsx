import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../shared/contract/campaigns';
import { percentText } from './campaign-words';

/** The campaigns as a table: name (opens it), template, status and progress. */
export function CampaignList({ campaigns, onOpen }: { campaigns: CampaignView[]; onOpen: (id: string) => void }): ReactNode {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);
  if (campaigns.length === 0) return <p className="empty-state">{t('campaigns.empty')}</p>;
  return (
    <table className="campaigns-table" aria-label={t('campaigns.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('campaigns.columns.name')}</th>
          <th scope="col">{t('campaigns.columns.template')}</th>
          <th scope="col">{t('campaigns.columns.status')}</th>
          <th scope="col">{t('campaigns.columns.progress')}</th>
          <th scope="col">{t('campaigns.columns.created')}</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((c) => {
          const total = c.planned?.send ?? c.counts.queued;
          return (
            <tr key={c.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(c.id)} aria-label={t('campaigns.open', { name: c.name })}>
                  {c.name}
                </button>
              </th>
              <td>{c.template.name} ({c.template.language})</td>
              <td>{t(`campaigns.status.${c.status}`)}</td>
              <td>
                {c.status === 'draft'
                  ? '—'
                  : t('campaigns.progressText', { percent: percentText(c.counts.done, total, i18n.language), done: number.format(c.counts.done), total: number.format(total) })}
              </td>
              <td>{date.format(new Date(c.createdAt))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
