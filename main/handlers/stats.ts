import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Dashboard channels. */
export function statsHandlers(services: AppServices): Pick<Handlers, 'stats:today'> {
  return {
    'stats:today': ({ days }) => services.stats.today(days),
  };
}
