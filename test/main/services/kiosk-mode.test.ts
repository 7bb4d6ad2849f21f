import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { openHarness } from '../../support/app-harness';
import { tempDir } from '../../support/temp-dir';

const web = { transport: 'web-bridge' } as const;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Real services behind the real dispatcher on `dir`; reopening the same folder is a restart of the app. */
async function open(dir: string) {
  const h = await openHarness({ dataDir: dir });
  const events: { event: EventName; payload: unknown }[] = [];
  h.services.bus.listen((event, payload) => events.push({ event, payload }));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await h.close();
  };
  closers.push(close);
  return { ...h, events, close };
}

async function folder(): Promise<string> {
  const tmp = await tempDir();
  closers.unshift(tmp.cleanup);
  return tmp.dir;
}

describe('kiosk mode owned by main', () => {
  it('cannot be entered until an owner PIN is set', async () => {
    const h = await open(await folder());
    expect(await h.dispatch('kiosk:enter', {}, web)).toMatchObject({ ok: false, error: { code: 'kiosk_pin_not_set' } });
    expect(await h.dispatch('kiosk:status', {}, web)).toEqual({ ok: true, value: { on: false, pinSet: false, since: null } });
    // No kiosk, so no "any input lets you out" either: main's status is simply off.
    expect(h.services.kiosk.isOn()).toBe(false);
  });

  it('stays on across a restart and is left only with the owner PIN', async () => {
    const dir = await folder();
    const first = await open(dir);
    await first.services.owner.setPin('2468');
    const entered = await first.dispatch('kiosk:enter', {}, web);
    expect(entered).toMatchObject({ ok: true, value: { on: true, pinSet: true } });
    expect(first.events).toContainEqual({ event: 'kiosk:changed', payload: expect.objectContaining({ on: true }) });
    await first.close();

    const settings = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as { kiosk: { on: boolean } };
    expect(settings.kiosk.on).toBe(true);

    const second = await open(dir);
    expect(await second.dispatch('kiosk:status', {}, web)).toMatchObject({ ok: true, value: { on: true } });
    expect(await second.dispatch('kiosk:exit', { pin: '1111' }, web)).toEqual({ ok: true, value: { allowed: false } });
    expect(await second.dispatch('contacts:search', {}, web)).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });
    expect(await second.dispatch('kiosk:exit', { pin: '2468' }, web)).toEqual({ ok: true, value: { allowed: true } });
    expect(second.events).toContainEqual({ event: 'kiosk:changed', payload: { on: false, pinSet: true, since: null } });
    expect(await second.dispatch('contacts:search', {}, web)).toMatchObject({ ok: true });
    await second.close();

    const third = await open(dir);
    expect(third.services.kiosk.isOn()).toBe(false);
  });

  it('counts wrong PINs at the kiosk against the same lockout as unlocking', async () => {
    const h = await open(await folder());
    await h.services.owner.setPin('2468');
    await h.services.kiosk.enter();
    // A lockout earned at owner:unlock (five wrong PINs take 7.5 s of back-off; the stored state stands in for them).
    const lockedUntil = h.services.deps.now().getTime() + 60_000;
    await h.services.settings.update((doc) => {
      doc.pinAttempts = { failures: 5, lockedUntil };
    });
    const locked = await h.dispatch('kiosk:exit', { pin: '2468' }, web);
    expect(locked).toMatchObject({ ok: false, error: { code: 'pin_locked_out', message: expect.stringMatching(/Try again in \d+ seconds/) } });
    expect(locked.ok === false && locked.error.retryAfterSeconds).toBeGreaterThan(50);
    expect(await h.dispatch('owner:unlock', { pin: '2468' }, web)).toMatchObject({ ok: false, error: { code: 'kiosk_on' } });
    expect(h.services.kiosk.isOn()).toBe(true);
  });
});
