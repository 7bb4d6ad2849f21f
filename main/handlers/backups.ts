import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';

/** Backup channels. */
export function backupHandlers(services: AppServices): Pick<Handlers, 'backup:list' | 'backup:create' | 'backup:cancel' | 'backup:restore'> {
  const { backups } = services;
  return {
    'backup:list': async () => ({
      backups: (await backups.list()).sort((a, b) => b.createdAt - a.createdAt),
      folder: backups.folder(),
      pendingRestore: await backups.pendingRestore(),
    }),
    'backup:create': () => backups.create(),
    'backup:cancel': async () => ({ cancelled: backups.cancel() }),
    'backup:restore': async ({ path }) => {
      await backups.requestRestore(path);
      return { restartRequired: true as const };
    },
  };
}
