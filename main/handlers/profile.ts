import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Business profile channels. */
export function profileHandlers(services: AppServices): Pick<Handlers, 'profile:get' | 'profile:save'> {
  return {
    'profile:get': () => services.profile.get(),
    'profile:save': async (input) => {
      const saved = await services.profile.save(input);
      services.bus.emit('profile:changed', { at: saved.updatedAt });
      return saved;
    },
  };
}
