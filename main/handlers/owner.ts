import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Owner PIN channels. */
export function ownerHandlers(services: AppServices): Pick<Handlers, 'owner:setPin' | 'owner:unlock' | 'owner:lock'> {
  return {
    'owner:setPin': async ({ pin }) => {
      await services.owner.setPin(pin);
      return { set: true as const };
    },
    'owner:unlock': async ({ pin }) => ({ unlocked: await services.owner.unlock(pin) }),
    'owner:lock': () => {
      services.owner.lock();
      return { unlocked: false as const };
    },
  };
}
