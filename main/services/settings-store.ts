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

/** Wrong owner PINs in a row and the end of the current lockout (ms since the epoch), kept across restarts. */
export interface PinAttemptState {
  failures: number;
  lockedUntil: number | null;
}

/** The customer kiosk, owned by main: on until the owner PIN is given, whatever windows or restarts happen. */
export interface KioskState {
  on: boolean;
  since: string | null;
}

/** Everything small the app keeps in settings.json (secrets live in the vault, not here). */
export interface SettingsDoc {
  schemaVersion: number;
  profile: Profile | null;
  ownerPin: PinHash | null;
  /** Absent in files written before PIN lockouts existed: read as no failures. */
  pinAttempts?: PinAttemptState;
  /** Absent until the kiosk is first opened: read as off. */
  kiosk?: KioskState;
  [extra: string]: unknown;
}

const defaults = (): SettingsDoc => ({ schemaVersion: SETTINGS_SCHEMA_VERSION, profile: null, ownerPin: null });

/** settings.json: the business profile, owner PIN hash and app preferences. */
export type SettingsStore = JsonDocument<SettingsDoc>;

/** Opens settings.json in the data folder. */
export function openSettings(dataDir: string): Promise<SettingsStore> {
  return JsonDocument.open(dataDir, 'settings.json', defaults);
}
