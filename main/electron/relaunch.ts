import type { Handlers } from '../dispatch';

/*
 * A restore is carried out at the next start, before anything opens the data folder. So after the owner confirmed
 * one, the app restarts by itself: a shop owner should not have to know that it must be closed and opened again.
 */

/** Wraps the backup:restore handler so a successful request restarts the app shortly after answering. */
export function relaunchAfterRestore(handlers: Handlers, relaunch: () => void, later: (run: () => void) => void = (run) => void setTimeout(run, 1_500)): Handlers {
  const restore = handlers['backup:restore'];
  return {
    ...handlers,
    'backup:restore': async (args, ctx) => {
      const result = await restore(args, ctx);
      // Later, so the answer reaches the page and the owner sees that the restore is ready.
      later(relaunch);
      return result;
    },
  };
}
