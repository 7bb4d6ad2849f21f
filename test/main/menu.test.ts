import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_LABELS, menuTemplate, setupMenu, type MenuOptions } from '../../main/menu';
import { LOCALES } from '../../shared/contract/profile';
import { Menu, resetElectronMock } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

beforeEach(() => resetElectronMock());

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    platform: 'win32',
    locale: 'en',
    appName: 'Outreach Desk',
    packaged: true,
    actions: { navigate: vi.fn(), openDataFolder: vi.fn(), openLogsFolder: vi.fn() },
    ...overrides,
  };
}

/** Every item of the menu, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (template: MenuItemConstructorOptions[]) => items(template).map((item) => item.role).filter(Boolean);

describe('menuTemplate', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('keeps the Edit roles on %s, so copy and paste work', (platform) => {
    const all = roles(menuTemplate(options({ platform })));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(all).toContain(role);
  });

  it('offers no Reload and no Developer Tools in a packaged build, both while developing', () => {
    const packaged = roles(menuTemplate(options({ packaged: true })));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    const dev = roles(menuTemplate(options({ packaged: false })));
    expect(dev).toContain('toggleDevTools');
    expect(dev).toContain('reload');
  });

  it('starts with the app menu on macOS only', () => {
    const mac = menuTemplate(options({ platform: 'darwin' }));
    expect(mac[0]?.label).toBe('Outreach Desk');
    expect(roles([mac[0]!])).toEqual(expect.arrayContaining(['about', 'hide', 'hideOthers', 'unhide', 'quit']));
    const windows = menuTemplate(options({ platform: 'win32' }));
    expect(windows[0]?.label).toBe('File');
    expect(roles([windows[0]!])).toEqual(['quit']);
  });

  it('F2 opens the Counter and F3 the contact search in the renderer', () => {
    const opts = options();
    const all = items(menuTemplate(opts));
    const f2 = all.find((item) => item.accelerator === 'F2');
    const f3 = all.find((item) => item.accelerator === 'F3');
    f2?.click?.({} as never, undefined, {} as never);
    f3?.click?.({} as never, undefined, {} as never);
    expect(vi.mocked(opts.actions.navigate).mock.calls).toEqual([['counter'], ['contacts']]);
  });

  it('Help opens the data folder and the logs folder', () => {
    const opts = options();
    const help = menuTemplate(opts).at(-1)!;
    expect(help.role).toBe('help');
    for (const item of help.submenu as MenuItemConstructorOptions[]) item.click?.({} as never, undefined, {} as never);
    expect(opts.actions.openDataFolder).toHaveBeenCalledTimes(1);
    expect(opts.actions.openLogsFolder).toHaveBeenCalledTimes(1);
  });

  it('labels every item in each of the four languages (roles included: Electron would show English)', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(MENU_LABELS[locale]).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
      for (const platform of ['darwin', 'win32'] as const) {
        for (const item of items(menuTemplate(options({ locale, platform, packaged: false })))) {
          if (item.type === 'separator') continue;
          expect(item.label, `${locale} ${platform} ${item.role ?? ''}`).toBeTruthy();
        }
      }
    }
    expect(menuTemplate(options({ locale: 'es' }))[1]?.label).toBe('Edición');
    expect(menuTemplate(options({ locale: 'hi' }))[2]?.submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'काउंटर', accelerator: 'F2' })]),
    );
  });
});

describe('setupMenu', () => {
  it('replaces Electron\'s default menu with ours', () => {
    setupMenu(options());
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const built = vi.mocked(Menu.setApplicationMenu).mock.calls[0]?.[0] as unknown as { template: MenuItemConstructorOptions[] };
    expect(roles(built.template)).toContain('copy');
  });
});
