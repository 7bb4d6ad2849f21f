import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

type ImportChannels = 'import:preview' | 'import:run' | 'import:cancel';

/** CSV import: preview (writes nothing), run (owner only; progress on `import:progress`), cancel. */
export function importHandlers(services: AppServices): Pick<Handlers, ImportChannels> {
  const { imports, bus } = services;
  return {
    'import:preview': (input) => imports.preview(input),
    'import:run': async (input) => {
      try {
        return await imports.run(input);
      } finally {
        // Also after a cancel or a failed batch: whatever was written before it is real and lists must show it.
        bus.emit('data:changed', { domain: 'contacts' });
      }
    },
    'import:cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
  };
}
