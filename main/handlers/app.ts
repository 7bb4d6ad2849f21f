import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';
import type { PlatformHooks } from './index';
import { isAllowedExternalUrl } from '../services/external-links';
import { extraLinkHosts } from '../electron/link-hosts';
import { AppError } from '../services/app-error';

/** App shell channels. */
export function appHandlers(services: AppServices, platform: PlatformHooks): Pick<Handlers, 'app:info' | 'app:openExternal'> {
  return {
    'app:info': () => ({
      version: services.deps.version,
      dataDir: services.deps.dataDir,
      runtime: services.deps.runtime,
      ownerPinSet: services.settings.data.ownerPin !== null,
      ownerUnlocked: platform.ownerUnlocked(),
    }),
    'app:openExternal': async ({ url }) => {
      // The same hosts the link guards allow (settings.json `externalLinkHosts`), so a button and a click agree.
      if (!isAllowedExternalUrl(url, extraLinkHosts(services.settings.data))) {
        throw new AppError('invalid_argument', 'Only WhatsApp click-to-chat links (https://wa.me/…) and sms:/mailto: links can be opened.', 'url');
      }
      return { opened: await platform.openExternal(url) };
    },
  };
}
