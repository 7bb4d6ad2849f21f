import type { Handlers } from '../dispatch';
import type { AppServices } from '../services/app-services';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { connectionHandlers } from './connection';
import { contactHandlers } from './contacts';
import { entryPointHandlers } from './entry-points';
import { importHandlers } from './import';
import { messageHandlers } from './messages';
import { campaignHandlers } from './campaigns';
import { ownerHandlers } from './owner';
import { kioskHandlers } from './kiosk';
import { profileHandlers } from './profile';
import { remoteOptInHandlers } from './remote-optins';
import { statsHandlers } from './stats';
import { templateMappingHandlers } from './template-mappings';

/** All channel handlers; the Handlers type turns a missing channel into a compile error. */
export function createHandlers(services: AppServices, platform: PlatformHooks): Handlers {
  return {
    ...appHandlers(services, platform),
    ...profileHandlers(services),
    ...ownerHandlers(services),
    ...kioskHandlers(services),
    ...entryPointHandlers(services),
    ...contactHandlers(services, platform.deviceName),
    ...backupHandlers(services),
    ...importHandlers(services),
    ...connectionHandlers(services),
    ...messageHandlers(services),
    ...remoteOptInHandlers(services),
    ...campaignHandlers(services),
    ...statsHandlers(services),
    ...templateMappingHandlers(services),
  };
}

/** What differs between Electron and the web bridge (opening links, owner session). */
export interface PlatformHooks {
  openExternal(url: string): Promise<boolean>;
  ownerUnlocked(): boolean;
  /** How this till is named in consent evidence (host name, or what the owner set). */
  deviceName: string;
}
