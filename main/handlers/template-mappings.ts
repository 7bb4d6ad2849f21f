import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Saved parameter mappings of templates. */
export function templateMappingHandlers(services: AppServices): Pick<Handlers, 'templates:mappings' | 'templates:saveMapping'> {
  return {
    'templates:mappings': () => ({ mappings: services.templateMappings.list() }),
    'templates:saveMapping': (input) => services.templateMappings.save(input),
  };
}
