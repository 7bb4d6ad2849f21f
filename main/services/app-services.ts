import { EntryPointsService } from './entry-points-service';
import { EventBus } from './event-bus';
import { OwnerSession } from './owner-session';
import { PrintJobs, type PosterPrinter } from './poster-printer';
import { ProfileService } from './profile-service';
import { openSettings, type SettingsStore } from './settings-store';

/** Side effects the services need, injected so tests and the web bridge run them without Electron. */
export interface ServiceDeps {
  dataDir: string;
  now?: () => Date;
  runtime: 'electron' | 'web-bridge';
  version: string;
  /** Electron passes its hidden-window printer; otherwise print jobs are served by the web bridge. */
  printer?: PosterPrinter;
  random?: () => number;
}

/** Every main-process service, opened on one data folder. */
export interface AppServices {
  deps: Required<Omit<ServiceDeps, 'printer'>>;
  bus: EventBus;
  settings: SettingsStore;
  profile: ProfileService;
  owner: OwnerSession;
  entryPoints: EntryPointsService;
  printer: PosterPrinter;
  /** Set when print jobs are served over the web bridge. */
  printJobs: PrintJobs | null;
  close(): Promise<void>;
}

/** Opens the data folder and wires the services together; the one place real dependencies meet. */
export async function createAppServices(input: ServiceDeps): Promise<AppServices> {
  const { printer: givenPrinter, ...rest } = input;
  const deps = { now: () => new Date(), random: Math.random, ...rest };
  const bus = new EventBus();
  const settings = await openSettings(deps.dataDir);
  const profile = new ProfileService(settings, deps.now);
  const owner = new OwnerSession(settings, deps.now);
  const entryPoints = await EntryPointsService.open(deps.dataDir, deps.now, deps.random);
  const printJobs = givenPrinter ? null : new PrintJobs(deps.now);
  const printer = givenPrinter ?? (printJobs as PrintJobs);
  return {
    deps,
    bus,
    settings,
    profile,
    owner,
    entryPoints,
    printer,
    printJobs,
    async close() {},
  };
}
