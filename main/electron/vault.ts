import { safeStorage } from 'electron';
import { FileVault, PLAIN_CODEC, type SecretCodec, type SecretVault } from '../services/secret-vault';

export type { SecretVault, VaultProtection } from '../services/secret-vault';

/** The part of Electron's safeStorage the vault uses (injected in tests). */
export type SafeStorageLike = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/** Whether the OS keychain really protects secrets here, and if not, a sentence saying why. */
export interface KeychainStatus {
  available: boolean;
  reason?: string;
}

/**
 * Checks safeStorage after `ready` (before it, Linux always says no). On Linux without a keyring it
 * "works" with a fixed key (backend `basic_text`) — that protects nothing, so it counts as unavailable.
 */
export function keychainStatus(storage: SafeStorageLike = safeStorage, platform: string = process.platform): KeychainStatus {
  if (!storage.isEncryptionAvailable()) {
    return { available: false, reason: 'The system keychain is not available, so secrets are stored unencrypted.' };
  }
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        available: false,
        reason: 'No desktop keyring (GNOME Keyring or KWallet) was found, so secrets are stored unencrypted.',
      };
    }
  }
  return { available: true };
}

/** Encrypts with the OS keychain key; stored as base64 text. */
export function safeStorageCodec(storage: SafeStorageLike = safeStorage): SecretCodec {
  return {
    protection: 'os-keychain',
    encode: (plain) => storage.encryptString(plain).toString('base64'),
    decode: (stored) => storage.decryptString(Buffer.from(stored, 'base64')),
  };
}

/** Options for opening the vault; defaults are the real safeStorage and platform. */
export interface OpenVaultOptions {
  /** The data folder (userData or OUTREACH_DESK_DATA_DIR). */
  dir: string;
  safeStorage?: SafeStorageLike;
  platform?: string;
}

/** The opened vault plus the keychain status Settings shows next to the Cloud API secrets. */
export interface OpenedVault {
  vault: SecretVault;
  status: KeychainStatus;
  /**
   * Secrets saved earlier that this computer account cannot decrypt (keychain reset, keyring gone, or the folder
   * came from another computer). They read as "not set", so the app opens and asks for them again.
   */
  unreadable: string[];
}

/**
 * Opens the best vault this machine allows. Call after `ready`. With a keychain, secrets left in the
 * unprotected fallback by an earlier run are moved into the encrypted file and the fallback is deleted.
 */
export async function openSecretVault(options: OpenVaultOptions): Promise<OpenedVault> {
  const storage = options.safeStorage ?? safeStorage;
  const status = keychainStatus(storage, options.platform ?? process.platform);
  const plain = new FileVault(options.dir, PLAIN_CODEC);
  const encrypted = new FileVault(options.dir, safeStorageCodec(storage));
  if (!status.available) {
    // The keychain went away (a Linux keyring no longer unlocks): what it protected cannot be read any more.
    // Names entered again since then are stored in the fallback and no longer missing.
    const have = await plain.names();
    const lost = (await encrypted.names().catch(() => [] as string[])).filter((name) => !have.includes(name));
    return { vault: plain, status, unreadable: [...new Set([...lost, ...(await plain.unreadable())])].sort() };
  }
  const leftovers = await plain.names();
  if (leftovers.length > 0) {
    for (const name of leftovers) {
      const value = await plain.get(name);
      if (value !== null) await encrypted.set(name, value);
    }
    await plain.destroy();
  }
  // A damaged file throws here (vault_unreadable), before anything depends on it: start-up offers to set it aside.
  const unreadable = await encrypted.setAsideUnreadable();
  return { vault: encrypted, status, unreadable };
}
