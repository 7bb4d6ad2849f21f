import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../../../main/electron/shutdown';

/** A promise with its resolve/reject outside, so each test decides when things finish. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  const closing = deferred();
  const timer = deferred();
  const close = vi.fn(() => closing.promise);
  const log = vi.fn();
  const shutdown = createShutdown({ services: () => ({ close }), log, timeoutMs: 5_000, wait: () => timer.promise });
  return { shutdown, close, closing, timer, log };
}

describe('createShutdown', () => {
  it('holds will-quit until the services closed, then quits again, and closes them once', async () => {
    const { shutdown, close, closing } = setup();
    const event = { preventDefault: vi.fn() };
    const quit = vi.fn();
    shutdown.onWillQuit(event, quit);
    shutdown.onWillQuit({ preventDefault: vi.fn() }, quit);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
    closing.resolve();
    await shutdown.begin();
    await Promise.resolve();
    expect(quit).toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    // The second will-quit (from that quit) goes through.
    const last = { preventDefault: vi.fn() };
    shutdown.onWillQuit(last, quit);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway when closing hangs past the timeout, and says so in the log', async () => {
    const { shutdown, timer, log } = setup();
    const quit = vi.fn();
    shutdown.onWillQuit({ preventDefault: vi.fn() }, quit);
    timer.resolve();
    await shutdown.begin();
    await Promise.resolve();
    expect(quit).toHaveBeenCalled();
    expect(log.mock.calls[0]?.[0]).toMatch(/longer than 5000 ms; quitting anyway/);
  });

  it('quits after a failed close too, with the reason logged', async () => {
    const { shutdown, closing, log } = setup();
    closing.reject(new Error('disk gone'));
    await shutdown.begin();
    expect(shutdown.done()).toBe(true);
    expect(log.mock.calls[0]?.[0]).toMatch(/disk gone/);
  });

  it('starts closing when Windows ends the session (no will-quit there)', async () => {
    const { shutdown, close } = setup();
    const window = new EventEmitter();
    shutdown.watchWindow(window as never);
    window.emit('query-session-end', { preventDefault: vi.fn() });
    window.emit('session-end', { preventDefault: vi.fn() });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('has nothing to wait for when the services never opened', async () => {
    const shutdown = createShutdown({ services: () => null, log: vi.fn() });
    const event = { preventDefault: vi.fn() };
    await shutdown.begin();
    shutdown.onWillQuit(event, vi.fn());
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
