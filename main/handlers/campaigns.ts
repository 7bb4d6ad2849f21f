import { toWaDigits } from '../../shared/domain/phone';
import type { Handlers } from '../dispatch';
import { AppError } from '../services/app-error';
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
  | 'campaigns:setLimit'
  | 'campaigns:update'
  | 'campaigns:duplicate'
  | 'campaigns:delete'
  | 'campaigns:testSend';

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
    'campaigns:update': ({ id, ...draft }) => campaigns.update(id, draft),
    'campaigns:duplicate': ({ id }) => campaigns.duplicate(id),
    'campaigns:delete': ({ id }) => campaigns.remove(id),
    /**
     * The test goes only to the shop's own number from the profile, straight through the Cloud client and not the
     * outbox: the owner asks for it on their own phone (that request is the consent), it is not a customer message,
     * and no consent event is recorded, so the owner never joins an audience or the evidence.
     */
    'campaigns:testSend': async ({ id }) => {
      const profile = services.settings.data.profile;
      if (!profile?.phoneE164) throw new AppError('invalid_argument', 'Add the shop’s WhatsApp number in Settings first: the test goes to it.', 'profile.phone');
      const client = services.runtime.client();
      if (!client) throw new AppError('not_connected', 'Connect WhatsApp (or start the sandbox) before sending a test.');
      const message = campaigns.testMessage(id);
      const sent = await client.sendTemplate({ to: toWaDigits(profile.phoneE164), ...message });
      return { to: profile.phoneE164, messageId: sent.messageId };
    },
  };
}
