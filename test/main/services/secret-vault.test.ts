import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileVault, PLAIN_CODEC, VAULT_FILES, type SecretCodec } from '../../../main/services/secret-vault';
import { tempDir } from '../../support/temp-dir';

let data: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  data = await tempDir('od-file-vault-');
});
afterEach(() => data.cleanup());

/** A codec that visibly transforms values, standing in for real encryption. */
const reversing: SecretCodec = {
  protection: 'os-keychain',
  encode: (plain) => `enc:${Buffer.from(plain).toString('base64')}`,
  decode: (stored) => {
    if (!stored.startsWith('enc:')) throw new Error('bad ciphertext');
    return Buffer.from(stored.slice(4), 'base64').toString();
  },
};

describe('FileVault', () => {
  it('stores, reads back after reopening, replaces and deletes secrets', async () => {
    const vault = new FileVault(data.dir, reversing);
    expect(await vault.get('accessToken')).toBeNull();
    await vault.set('accessToken', 'EAAG-first');
    await vault.set('accessToken', 'EAAG-second');
    await vault.set('appSecret', 'shh');
    const reopened = new FileVault(data.dir, reversing);
    expect(await reopened.get('accessToken')).toBe('EAAG-second');
    await reopened.delete('accessToken');
    await reopened.delete('never-set');
    expect(await new FileVault(data.dir, reversing).get('accessToken')).toBeNull();
    expect(await new FileVault(data.dir, reversing).get('appSecret')).toBe('shh');
  });

  it('writes an owner-only file and leaves no temp files behind', async () => {
    const vault = new FileVault(data.dir, PLAIN_CODEC);
    await Promise.all([vault.set('a', '1'), vault.set('b', '2'), vault.set('c', '3')]);
    const info = await stat(vault.file);
    if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(data.dir)).toEqual([VAULT_FILES['fallback-plain']]);
    expect(await new FileVault(data.dir, PLAIN_CODEC).names()).toEqual(['a', 'b', 'c']);
  });

  it('names the unprotected fallback file so nobody mistakes it for an encrypted one', () => {
    expect(new FileVault(data.dir, PLAIN_CODEC).file).toBe(path.join(data.dir, 'secrets-UNPROTECTED.json'));
    expect(new FileVault(data.dir, PLAIN_CODEC).protection()).toBe('fallback-plain');
    expect(new FileVault(data.dir, reversing).protection()).toBe('os-keychain');
  });

  it('reports a value it cannot decrypt as secret_unreadable, naming the secret', async () => {
    await writeFile(
      path.join(data.dir, VAULT_FILES['os-keychain']),
      JSON.stringify({ format: 'outreach-desk-secrets', version: 1, protection: 'os-keychain', entries: { appSecret: 'garbage' } }),
    );
    await expect(new FileVault(data.dir, reversing).get('appSecret')).rejects.toMatchObject({
      code: 'secret_unreadable',
      field: 'appSecret',
    });
  });

  it('refuses a damaged file and never overwrites it', async () => {
    const file = path.join(data.dir, VAULT_FILES['os-keychain']);
    await writeFile(file, '{"format": "outreach-desk-secr');
    const vault = new FileVault(data.dir, reversing);
    await expect(vault.get('accessToken')).rejects.toMatchObject({ code: 'vault_unreadable' });
    await expect(vault.set('accessToken', 'x')).rejects.toMatchObject({ code: 'vault_unreadable' });
    expect(await readFile(file, 'utf8')).toBe('{"format": "outreach-desk-secr');
  });

  it('rejects names that are not short words', async () => {
    const vault = new FileVault(data.dir, PLAIN_CODEC);
    for (const name of ['', '../x', '__proto__ x', 'a'.repeat(65), '1abc']) {
      await expect(vault.set(name, 'v')).rejects.toMatchObject({ code: 'invalid_argument' });
    }
  });
});

describe('FileVault.setAsideUnreadable (keychain reset, folder from another computer)', () => {
  async function writeDoc(entries: Record<string, string>): Promise<string> {
    const file = path.join(data.dir, VAULT_FILES['os-keychain']);
    await writeFile(file, JSON.stringify({ format: 'outreach-desk-secrets', version: 1, protection: 'os-keychain', entries }));
    return file;
  }

  it('sets aside what cannot be decrypted, reads it as not set, and keeps the rest', async () => {
    await writeDoc({ appSecret: 'garbage', accessToken: reversing.encode('EAAG-ok') });
    const vault = new FileVault(data.dir, reversing);
    expect(await vault.setAsideUnreadable()).toEqual(['appSecret']);
    expect(await vault.get('appSecret')).toBeNull();
    expect(await vault.get('accessToken')).toBe('EAAG-ok');
    // Still reported after a restart, until it is entered again.
    const reopened = new FileVault(data.dir, reversing);
    expect(await reopened.setAsideUnreadable()).toEqual(['appSecret']);
    expect(await reopened.unreadable()).toEqual(['appSecret']);
    await reopened.set('appSecret', 'new-secret');
    expect(await new FileVault(data.dir, reversing).unreadable()).toEqual([]);
    expect(await new FileVault(data.dir, reversing).get('appSecret')).toBe('new-secret');
  });

  it('keeps the undecryptable value on disk untouched (the old keychain may come back)', async () => {
    const file = await writeDoc({ appSecret: 'garbage' });
    await new FileVault(data.dir, reversing).setAsideUnreadable();
    const doc = JSON.parse(await readFile(file, 'utf8')) as { entries: object; unreadable: object };
    expect(doc.entries).toEqual({});
    expect(doc.unreadable).toEqual({ appSecret: 'garbage' });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('deleting a secret also forgets its unreadable old value', async () => {
    await writeDoc({ appSecret: 'garbage' });
    const vault = new FileVault(data.dir, reversing);
    await vault.setAsideUnreadable();
    await vault.delete('appSecret');
    expect(await new FileVault(data.dir, reversing).unreadable()).toEqual([]);
  });

  it('changes nothing when every value decrypts', async () => {
    const file = await writeDoc({ accessToken: reversing.encode('x') });
    const before = await readFile(file, 'utf8');
    expect(await new FileVault(data.dir, reversing).setAsideUnreadable()).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
