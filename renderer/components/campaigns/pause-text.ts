/** How a campaign's pause reason reads in the UI language. */
import type { TFunction } from 'i18next';
import type { CampaignView } from '../../../shared/contract/campaigns';

/**
 * Causes Meta or the owner set have their own wording; reasons stored before causes were recorded (or without one)
 * show as the main process wrote them.
 */
export function pauseText(t: TFunction, campaign: Pick<CampaignView, 'pauseCause' | 'pauseReason'>, locale: string): string {
  const cause = campaign.pauseCause;
  const fallback = campaign.pauseReason ?? '';
  if (!cause || (cause.kind === 'limit_lowered' && !cause.limit)) return fallback;
  const limit = cause.limit && /^\d+$/.test(cause.limit) ? new Intl.NumberFormat(locale).format(Number(cause.limit)) : (cause.limit ?? '');
  return t(`campaigns.detail.pauseCauses.${cause.kind}`, { template: cause.template ?? '', limit, defaultValue: fallback });
}
