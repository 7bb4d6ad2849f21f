import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../shared/contract/campaigns';
import { api } from '../api';
import { CampaignDetail } from '../components/campaigns/campaign-detail';
import { CampaignForm } from '../components/campaigns/campaign-form';
import { CampaignList } from '../components/campaigns/campaign-list';
import { LimitSetting } from '../components/campaigns/limit-setting';
import { useStore } from '../store';
import '../components/campaigns/campaigns.css';

type View = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; campaign: CampaignView } | { kind: 'detail'; id: string };

/** Campaigns: the list with live progress, the create flow with its dry run, and each campaign's funnel. */
export function CampaignsPage(): ReactNode {
  const { t } = useTranslation();
  const campaigns = useStore((s) => s.campaigns);
  const loaded = useStore((s) => s.campaignsLoaded);
  const error = useStore((s) => s.campaignsError);
  const loadCampaigns = useStore((s) => s.loadCampaigns);
  const applyProgress = useStore((s) => s.applyCampaignProgress);
  const putCampaign = useStore((s) => s.putCampaign);
  const [view, setView] = useState<View>({ kind: 'list' });

  useEffect(() => {
    void loadCampaigns();
    return api.events.subscribe('campaign:progress', applyProgress);
  }, [loadCampaigns, applyProgress]);

  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      {view.kind === 'list' && (
        <>
          <p className="muted">{t('campaigns.intro')}</p>
          <div className="campaigns-toolbar">
            <button type="button" className="primary" onClick={() => setView({ kind: 'create' })}>
              {t('campaigns.newCampaign')}
            </button>
          </div>
          {error && <p className="form-error">{t('campaigns.error', { message: error.message })}</p>}
          {!loaded ? <p aria-busy="true">{t('campaigns.loading')}</p> : <CampaignList campaigns={campaigns} onOpen={(id) => setView({ kind: 'detail', id })} />}
          <LimitSetting />
        </>
      )}
      {(view.kind === 'create' || view.kind === 'edit') && (
        <CampaignForm
          key={view.kind === 'edit' ? view.campaign.id : 'new'}
          editing={view.kind === 'edit' ? view.campaign : undefined}
          onCancel={() => setView(view.kind === 'edit' ? { kind: 'detail', id: view.campaign.id } : { kind: 'list' })}
          onCreated={(campaign) => {
            putCampaign(campaign);
            setView({ kind: 'detail', id: campaign.id });
          }}
        />
      )}
      {view.kind === 'detail' && (
        <CampaignDetail
          id={view.id}
          onChanged={putCampaign}
          onEdit={(campaign) => setView({ kind: 'edit', campaign })}
          onOpen={(campaign) => {
            putCampaign(campaign);
            setView({ kind: 'detail', id: campaign.id });
          }}
          onBack={() => {
            setView({ kind: 'list' });
            void loadCampaigns();
          }}
        />
      )}
    </>
  );
}
