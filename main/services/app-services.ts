import { EventBus } from './event-bus';
import { OwnerSession } from './owner-session';
import { ProfileService } from './profile-service';
import { SettingsStore } from './settings-store';

/** Side effects the services need, injected so tests and the web bridge run them without Electron. */
export interface ServiceDeps {
  dataDir: string;
  now?: () => Date;
  runtime: 'electron' | 'web-bridge';
  version: string;
}

/** Every main-process service, opened on one data folder. */
export interface AppServices {
  deps: Required<ServiceDeps>;
  bus: EventBus;
  settings: SettingsStore;
  profile: ProfileService;
  owner: OwnerSession;
  close(): Promise<void>;
}

/** Opens the data folder and wires the services together; the one place real dependencies meet. */
export async function createAppServices(input: ServiceDeps): Promise<AppServices> {
  const deps: Required<ServiceDeps> = { now: () => new Date(), ...input };
  const bus = new EventBus();
  const settings = await SettingsStore.open(deps.dataDir);
  const profile = new ProfileService(settings, deps.now);
  const owner = new OwnerSession(settings, deps.now);
  return {
    deps,
    bus,
    settings,
    profile,
    owner,
    async close() {},
  };
}
