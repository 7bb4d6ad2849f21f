import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileVault, PLAIN_CODEC, VAULT_FILES } from '../../../main/services/secret-vault';
import { keychainStatus, openSecretVault } from '../../../main/electron/vault';
import { tempDir } from '../../support/temp-dir';
import { resetElectronMock, safeStorage } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const TOKEN = 'EAAGm0PX4ZCpsBAnotarealtoken';

let data: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  resetElectronMock();
  data = await tempDir('od-vault-');
});
afterEach(() => data.cleanup());

describe('keychainStatus', () => {
  it('counts a real keyring as available', () => {
    expect(keychainStatus(safeStorage, 'linux')).toEqual({ available: true });
  });

  it("treats Linux's basic_text backend (a fixed key) as unavailable and says why", () => {
    safeStorage.backend = 'basic_text';
    const status = keychainStatus(safeStorage, 'linux');
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/unencrypted/);
  });

  it('reports unavailable when safeStorage says so', () => {
    safeStorage.available = false;
    expect(keychainStatus(safeStorage, 'darwin').available).toBe(false);
  });

  it('asks for the Linux backend only on Linux', () => {
    safeStorage.backend = 'basic_text';
    expect(keychainStatus(safeStorage, 'win32')).toEqual({ available: true });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });
});

describe('openSecretVault', () => {
  it('encrypts with safeStorage: the file never holds the plaintext, and reading decrypts', async () => {
    const { vault, status } = await openSecretVault({ dir: data.dir, platform: 'linux' });
    expect(status.available).toBe(true);
    expect(vault.protection()).toBe('os-keychain');
    await vault.set('accessToken', TOKEN);
    const file = path.join(data.dir, VAULT_FILES['os-keychain']);
    const raw = await readFile(file, 'utf8');
    expect(raw).not.toContain(TOKEN);
    expect(raw).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(safeStorage.encryptString).toHaveBeenCalledWith(TOKEN);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await openSecretVault({ dir: data.dir, platform: 'linux' });
    expect(await again.vault.get('accessToken')).toBe(TOKEN);
  });

  it("falls back to the clearly named plain file with 'basic_text' and reports it", async () => {
    safeStorage.backend = 'basic_text';
    const { vault, status } = await openSecretVault({ dir: data.dir, platform: 'linux' });
    expect(vault.protection()).toBe('fallback-plain');
    expect(status).toMatchObject({ available: false });
    await vault.set('accessToken', TOKEN);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(await readdir(data.dir)).toEqual(['secrets-UNPROTECTED.json']);
  });

  it('moves fallback secrets into the encrypted file once a keychain is available', async () => {
    await new FileVault(data.dir, PLAIN_CODEC).set('accessToken', TOKEN);
    const { vault } = await openSecretVault({ dir: data.dir, platform: 'darwin' });
    expect(vault.protection()).toBe('os-keychain');
    expect(await vault.get('accessToken')).toBe(TOKEN);
    expect(await readdir(data.dir)).toEqual([VAULT_FILES['os-keychain']]);
    expect(await readFile(path.join(data.dir, VAULT_FILES['os-keychain']), 'utf8')).not.toContain(TOKEN);
  });
});
