import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Business profile channels. */
export function profileHandlers(services: AppServices): Pick<Handlers, 'profile:get' | 'profile:save'> {
  return {
    'profile:get': () => services.profile.get(),
    'profile:save': async (input) => {
      const before = services.runtime.settings().mode;
      const saved = await services.profile.save(input);
      // Until the owner configures the connection, the wizard's choice (sandbox or later) decides it.
      if (services.runtime.settings().mode !== before) await services.runtime.restart();
      services.bus.emit('profile:changed', { at: saved.updatedAt });
      return saved;
    },
  };
}
