import { ulid } from 'ulid';
import { BackupService } from './backup-service';
import { ConsentLedger } from './consent/ledger';
import { OptInService } from './consent/opt-in-service';
import { ConsentTextsService } from './consent/texts-service';
import { EntryPointsService } from './entry-points-service';
import { EventBus } from './event-bus';
import { OwnerSession } from './owner-session';
import { PrintJobs, type PosterPrinter } from './poster-printer';
import { ProfileService } from './profile-service';
import { DataStore } from './store/data-store';
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
  store: DataStore;
  ledger: ConsentLedger;
  texts: ConsentTextsService;
  optIns: OptInService;
  backups: BackupService;
  /** This installation's id (written on every consent event). */
  deviceId: string;
  close(): Promise<void>;
}

/** Opens the data folder and wires the services together; the one place real dependencies meet. */
export async function createAppServices(input: ServiceDeps): Promise<AppServices> {
  const { printer: givenPrinter, ...rest } = input;
  const deps = { now: () => new Date(), random: Math.random, ...rest };
  const bus = new EventBus();
  // A restore asked for in the previous run happens before anything opens the folder.
  await BackupService.applyPendingRestore(deps.dataDir);
  const settings = await openSettings(deps.dataDir);
  const profile = new ProfileService(settings, deps.now);
  const owner = new OwnerSession(settings, deps.now);
  const entryPoints = await EntryPointsService.open(deps.dataDir, deps.now, deps.random);
  const printJobs = givenPrinter ? null : new PrintJobs(deps.now);
  const printer = givenPrinter ?? (printJobs as PrintJobs);
  if (typeof settings.data.deviceId !== 'string') {
    await settings.update((doc) => {
      doc.deviceId = ulid();
    });
  }
  const deviceId = settings.data.deviceId as string;
  const store = await DataStore.open({
    // The lowdb documents beside the store files are copied into every backup with them.
    dir: deps.dataDir,
    now: () => deps.now().getTime(),
    onBackgroundError: (error) => console.error('store maintenance failed (data is safe, will retry):', error),
  });
  const ledger = await ConsentLedger.open({ store, deviceId, now: deps.now });
  const texts = await ConsentTextsService.open(deps.dataDir, deps.now);
  const optIns = new OptInService(ledger, texts, profile, deps.now);
  const backups = new BackupService(store, deps.dataDir, deps.now, (m) => console.log(m));
  return {
    deps,
    bus,
    settings,
    profile,
    owner,
    entryPoints,
    printer,
    printJobs,
    store,
    ledger,
    texts,
    optIns,
    backups,
    deviceId,
    async close() {
      backups.stop();
      await ledger.close();
      await store.close();
    },
  };
}
