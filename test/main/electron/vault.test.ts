import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

  it('still opens after a keychain reset: the undecryptable secrets read as not set and are reported', async () => {
    const first = await openSecretVault({ dir: data.dir, platform: 'darwin' });
    await first.vault.set('cloud.accessToken', TOKEN);
    await first.vault.set('cloud.appSecret', 'app-secret');
    expect(first.unreadable).toEqual([]);
    // A new keychain key: every old ciphertext now fails to decrypt (as Electron's safeStorage throws), new ones work.
    safeStorage.encryptString.mockImplementation((plain: string) => Buffer.from(`v11${plain}`));
    safeStorage.decryptString.mockImplementation((encrypted: Buffer) => {
      if (encrypted.subarray(0, 3).toString() !== 'v11') {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return encrypted.subarray(3).toString();
    });
    const after = await openSecretVault({ dir: data.dir, platform: 'darwin' });
    expect(after.unreadable).toEqual(['cloud.accessToken', 'cloud.appSecret']);
    expect(await after.vault.get('cloud.accessToken')).toBeNull();
    await after.vault.set('cloud.accessToken', 'EAAG-new');
    const again = await openSecretVault({ dir: data.dir, platform: 'darwin' });
    expect(again.unreadable).toEqual(['cloud.appSecret']);
  });

  it('reports the encrypted secrets as unreadable when the keyring is gone, until entered again', async () => {
    const first = await openSecretVault({ dir: data.dir, platform: 'linux' });
    await first.vault.set('cloud.accessToken', TOKEN);
    await first.vault.set('twilio.authToken', 'tw');
    safeStorage.backend = 'basic_text';
    const after = await openSecretVault({ dir: data.dir, platform: 'linux' });
    expect(after.vault.protection()).toBe('fallback-plain');
    expect(after.unreadable).toEqual(['cloud.accessToken', 'twilio.authToken']);
    await after.vault.set('twilio.authToken', 'tw-again');
    expect((await openSecretVault({ dir: data.dir, platform: 'linux' })).unreadable).toEqual(['cloud.accessToken']);
  });

  it('refuses a damaged secrets file at open time with vault_unreadable (start-up offers to set it aside)', async () => {
    await writeFile(path.join(data.dir, VAULT_FILES['os-keychain']), '{"format": "outreach-desk-secr');
    await expect(openSecretVault({ dir: data.dir, platform: 'darwin' })).rejects.toMatchObject({ code: 'vault_unreadable' });
  });
});
