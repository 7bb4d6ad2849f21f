import type { BrowserWindow } from 'electron';

/*
 * Closing the services (flushing journals, stopping the webhook receiver) before the process ends, on every path:
 * a normal quit (before-quit starts it, will-quit waits for it), and a Windows shutdown or log-off, where Electron
 * emits neither before-quit nor will-quit — only the windows' query-session-end and session-end. Closing is bounded:
 * a service that hangs must not keep a shop's PC from shutting down, or the app from quitting.
 */

/** What the shutdown needs. */
export interface ShutdownDeps {
  /** Closes the services (null until they are open, or when they never opened). */
  services: () => { close(): Promise<void> } | null;
  log: (message: string) => void;
  /** Longest wait for the services (default 10 s). */
  timeoutMs?: number;
  /** Resolves after `ms` (injected: tests resolve it when they choose). */
  wait?: (ms: number) => Promise<void>;
}

/** The shutdown sequence: start it as often as you like, it runs once. */
export interface Shutdown {
  /** Starts closing (once) and resolves when closed or timed out; never rejects. */
  begin(): Promise<void>;
  /** True once closing finished (or gave up). */
  done(): boolean;
  /** will-quit: holds the quit until {@link begin} has finished, then quits again. */
  onWillQuit(event: { preventDefault(): void }, quit: () => void): void;
  /** Starts closing when Windows ends the session (shutdown, restart, log-off). */
  watchWindow(window: BrowserWindow): void;
}

/** Creates the shutdown sequence. */
export function createShutdown(deps: ShutdownDeps): Shutdown {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const wait = deps.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()));
  let running: Promise<void> | null = null;
  let finished = false;
  const begin = () => {
    if (running) return running;
    const services = deps.services();
    if (!services) {
      finished = true;
      return (running = Promise.resolve());
    }
    const closing = services.close().then(
      () => 'closed' as const,
      (error: unknown) => {
        deps.log(`closing the data files failed: ${error instanceof Error ? error.message : String(error)}`);
        return 'failed' as const;
      },
    );
    const timedOut = wait(timeoutMs).then(() => 'timeout' as const);
    running = Promise.race([closing, timedOut]).then((outcome) => {
      if (outcome === 'timeout') deps.log(`closing the data files took longer than ${timeoutMs} ms; quitting anyway`);
      finished = true;
    });
    return running;
  };
  return {
    begin,
    done: () => finished,
    onWillQuit(event, quit) {
      if (finished) return;
      event.preventDefault();
      void begin().then(quit);
    },
    watchWindow(window) {
      const onSessionEnd = () => void begin();
      // query-session-end comes first and gives the most time; session-end is the last call.
      window.on('query-session-end', onSessionEnd);
      window.on('session-end', onSessionEnd);
    },
  };
}
