import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import type { CampaignView } from '../../../shared/contract/campaigns';
import { api } from '../../api';
import { ConfirmDialog } from '../consent/confirm-dialog';
import { useOwnerGate } from '../owner/use-owner-gate';

const FINISHED = ['completed', 'cancelled'];

/**
 * Edit (drafts), duplicate (any campaign) and delete (drafts, and finished campaigns' records: main keeps the sent
 * messages and the consent evidence). A sending, scheduled or paused campaign is cancelled before it can go.
 */
export function DraftActions({
  campaign,
  onEdit,
  onDuplicated,
  onDeleted,
}: {
  campaign: CampaignView;
  onEdit: (campaign: CampaignView) => void;
  onDuplicated: (campaign: CampaignView) => void;
  onDeleted: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { run, dialog } = useOwnerGate();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const draft = campaign.status === 'draft';
  const deletable = draft || FINISHED.includes(campaign.status);

  const duplicate = async () => {
    setError(null);
    const result = await run(() => api.campaigns.duplicate({ id: campaign.id }));
    if (result.ok) onDuplicated(result.value);
    else setError(result.error);
  };
  const remove = async () => {
    setConfirming(false);
    setError(null);
    const result = await run(() => api.campaigns.delete({ id: campaign.id }));
    if (result.ok) onDeleted();
    else setError(result.error);
  };

  return (
    <>
      <div className="campaign-actions">
        {draft && (
          <button type="button" onClick={() => onEdit(campaign)}>
            {t('campaigns.journey.edit')}
          </button>
        )}
        <button type="button" onClick={() => void duplicate()}>
          {t('campaigns.journey.duplicate')}
        </button>
        {deletable && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('campaigns.journey.delete')}
          </button>
        )}
      </div>
      {error && <p className="form-error">{error.message}</p>}
      {confirming && (
        <ConfirmDialog title={t('campaigns.journey.deleteTitle')} confirmLabel={t('campaigns.journey.delete')} onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          <p>{draft ? t('campaigns.journey.deleteDraft') : t('campaigns.journey.deleteFinished')}</p>
        </ConfirmDialog>
      )}
      {dialog}
    </>
  );
}
