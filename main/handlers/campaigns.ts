import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

type CampaignChannels =
  | 'campaigns:list'
  | 'campaigns:create'
  | 'campaigns:dryRun'
  | 'campaigns:start'
  | 'campaigns:pause'
  | 'campaigns:resume'
  | 'campaigns:cancel'
  | 'campaigns:get'
  | 'campaigns:export'
  | 'campaigns:limit'
  | 'campaigns:setLimit';

/** Campaign channels; starting, pausing, resuming, cancelling and exporting are owner-only in the contract. */
export function campaignHandlers(services: AppServices): Pick<Handlers, CampaignChannels> {
  const { campaigns } = services;
  return {
    'campaigns:list': () => ({ campaigns: campaigns.list() }),
    'campaigns:create': (draft) => campaigns.create(draft),
    'campaigns:dryRun': ({ id }) => campaigns.dryRun(id),
    'campaigns:start': ({ id, at }) => campaigns.start(id, at ? new Date(at) : undefined),
    'campaigns:pause': ({ id }) => campaigns.pause(id),
    'campaigns:resume': ({ id }) => campaigns.resume(id),
    'campaigns:cancel': ({ id }) => campaigns.cancel(id),
    'campaigns:get': ({ id }) => campaigns.get(id),
    'campaigns:export': ({ id }) => campaigns.exportCsv(id),
    'campaigns:limit': () => campaigns.limit(),
    'campaigns:setLimit': ({ tier }) => campaigns.setLimit(tier),
  };
}
