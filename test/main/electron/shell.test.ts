import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openExternalLink } from '../../../main/electron/shell';
import { resetElectronMock, shell } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

beforeEach(() => resetElectronMock());

describe('openExternalLink', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://evil.example/', 'https://wa.me.evil.com/1', 'https://wa.me@evil.com/1', 'smb://host/share'])(
    'refuses %s without asking the OS',
    async (url) => {
      expect(await openExternalLink(url)).toBe(false);
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens https://wa.me/… in the system browser', async () => {
    expect(await openExternalLink('https://wa.me/15551234567?text=Hi')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://wa.me/15551234567?text=Hi', { activate: true });
  });

  it('opens a configured extra host only when it is passed in', async () => {
    expect(await openExternalLink('https://shop.example/menu')).toBe(false);
    expect(await openExternalLink('https://shop.example/menu', ['shop.example'])).toBe(true);
  });

  it('reports false when the OS cannot open the link', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    expect(await openExternalLink('https://wa.me/1')).toBe(false);
  });
});
