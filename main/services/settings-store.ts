import type { Profile } from '../../shared/contract/profile';
import { JsonDocument } from './json-document';

/** Current shape version of settings.json; bump it and add a migration when the shape changes. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** A salted slow hash of the owner PIN (scrypt parameters kept with it so they can be raised later). */
export interface PinHash {
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

/** Everything small the app keeps in settings.json (secrets live in the vault, not here). */
export interface SettingsDoc {
  schemaVersion: number;
  profile: Profile | null;
  ownerPin: PinHash | null;
  [extra: string]: unknown;
}

const defaults = (): SettingsDoc => ({ schemaVersion: SETTINGS_SCHEMA_VERSION, profile: null, ownerPin: null });

/** settings.json: the business profile, owner PIN hash and app preferences. */
export type SettingsStore = JsonDocument<SettingsDoc>;

/** Opens settings.json in the data folder. */
export function openSettings(dataDir: string): Promise<SettingsStore> {
  return JsonDocument.open(dataDir, 'settings.json', defaults);
}
