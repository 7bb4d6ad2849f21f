import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/dispatch';
import { AppError } from '../../main/services/app-error';
import { openHarness } from '../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const validProfile = { businessName: 'Corner Shop', country: 'GB', phone: '07400 123456', locale: 'en', mode: 'sandbox' };

describe('dispatcher', () => {
  it('refuses a channel that is not in the contract', async () => {
    const h = await openHarness();
    close = h.close;
    const result = await h.dispatch('profile:delete', {}, web);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) });
  });

  it('names the field when arguments do not match the schema', async () => {
    const h = await openHarness();
    close = h.close;
    const result = await h.dispatch('profile:save', { ...validProfile, businessName: '  ' }, web);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_argument');
      expect(result.error.field).toBe('businessName');
      expect(result.error.message).toMatch(/business name/i);
    }
    expect(h.services.profile.get()).toBeNull();
  });

  it('reports an invalid phone number on the phone field and stores nothing', async () => {
    const h = await openHarness();
    close = h.close;
    const result = await h.dispatch('profile:save', { ...validProfile, phone: '12' }, web);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'phone' } });
    expect(h.services.profile.get()).toBeNull();
  });

  it('stores a valid profile with the number in E.164', async () => {
    const h = await openHarness();
    close = h.close;
    const result = await h.dispatch('profile:save', validProfile, web);
    expect(result).toMatchObject({ ok: true, value: { phoneE164: '+447400123456', businessName: 'Corner Shop' } });
  });

  it('turns a thrown bug into an internal error without leaking its message or stack', async () => {
    const handlers = {
      'profile:get': () => {
        throw new Error('secret token abc123 at /home/owner/file.ts:12');
      },
    } as unknown as Handlers;
    const logged: unknown[] = [];
    const dispatch = createDispatcher({ handlers, ownerUnlocked: () => true, logError: (_c, e) => logged.push(e) });
    const result = await dispatch('profile:get', {}, web);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/abc123|file\.ts|at /);
    expect(logged).toHaveLength(1);
  });

  it('passes an expected failure through as it is', async () => {
    const handlers = {
      'profile:get': () => {
        throw new AppError('conflict', 'Someone else changed this.', 'businessName');
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher({ handlers, ownerUnlocked: () => true, logError: () => undefined });
    expect(await dispatch('profile:get', {}, web)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Someone else changed this.', field: 'businessName' },
    });
  });

  it('strips fields a result schema does not name, so nothing extra crosses to the renderer', async () => {
    const handlers = {
      'app:info': () => ({
        version: '1',
        dataDir: '/d',
        runtime: 'electron',
        ownerPinSet: false,
        ownerUnlocked: true,
        accessToken: 'EAAG-secret',
      }),
    } as unknown as Handlers;
    const dispatch = createDispatcher({ handlers, ownerUnlocked: () => true, logError: () => undefined });
    const result = await dispatch('app:info', {}, web);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('EAAG-secret');
  });

  it('asks for the owner PIN on owner-only channels once a PIN is set and the session is locked', async () => {
    const h = await openHarness();
    close = h.close;
    await h.services.owner.setPin('2468');
    h.services.owner.lock();
    const locked = await h.dispatch('profile:save', validProfile, web);
    expect(locked).toMatchObject({ ok: false, error: { code: 'owner_pin_required' } });
    expect(await h.services.owner.unlock('1111')).toBe(false);
    expect(await h.services.owner.unlock('2468')).toBe(true);
    expect(await h.dispatch('profile:save', validProfile, web)).toMatchObject({ ok: true });
  });
});

describe('staff mode', () => {
  it.each([
    'profile:save',
    'connection:save',
    'connection:setSandbox',
    'consent:saveText',
    'export:eventsCsv',
    'export:proofPack',
    'backup:create',
    'backup:cancel',
    'backup:restore',
    'import:run',
    'campaigns:create',
    'campaigns:start',
    'optInWidgets:create',
    'templates:saveMapping',
    'remoteOptIns:saveSettings',
  ])('%s needs the owner PIN once one is set', async (name) => {
    const { contract } = await import('../../shared/contract');
    expect((contract as Record<string, { owner?: boolean }>)[name]?.owner).toBe(true);
  });
});

describe('kiosk lockdown', () => {
  it('refuses every channel the kiosk screen does not use while the kiosk is on', async () => {
    const { contract } = await import('../../shared/contract');
    const { KIOSK_CHANNELS } = await import('../../shared/contract/kiosk');
    const h = await openHarness();
    close = h.close;
    await h.services.owner.setPin('2468');
    expect(await h.dispatch('kiosk:enter', {}, web)).toMatchObject({ ok: true, value: { on: true } });

    const others = Object.keys(contract).filter((name) => !KIOSK_CHANNELS.has(name as never));
    expect(others.length).toBeGreaterThan(40);
    for (const name of others) {
      const result = await h.dispatch(name, {}, web);
      expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { code: 'kiosk_on' } } });
    }
    // The kiosk's own channels still answer (some refuse these empty arguments, none for being in the kiosk).
    for (const name of KIOSK_CHANNELS) {
      const result = await h.dispatch(name, {}, web);
      expect(result.ok || result.error.code !== 'kiosk_on').toBe(true);
    }
    expect(h.services.kiosk.isOn()).toBe(true);
  });

  it('allows exactly the api calls the kiosk screen makes', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const { KIOSK_CHANNELS } = await import('../../shared/contract/kiosk');
    const consentDir = 'renderer/components/consent';
    const kioskFiles = (await readdir(consentDir)).filter((f) => f.startsWith('kiosk-')).map((f) => `${consentDir}/${f}`);
    // The kiosk page, its parts, the statement hook they share, and what the shell loads before any page.
    const files = ['renderer/pages/kiosk-page.tsx', `${consentDir}/use-statement.ts`, 'renderer/store/app-slice.ts', 'renderer/store/profile-slice.ts', ...kioskFiles];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\bapi\.(\w+)\.(\w+)\(/g)) used.add(`${match[1]}:${match[2]}`);
    }
    used.delete('profile:save'); // the wizard's, reached only before a profile exists (owner-only, refused in the kiosk)
    used.delete('events:subscribe'); // pushed events, not a channel
    expect([...used].sort()).toEqual([...KIOSK_CHANNELS].sort());
  });
});
