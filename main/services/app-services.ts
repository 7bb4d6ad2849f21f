import { ulid } from 'ulid';
import { AccountEvents } from './account/account-events';
import { BackupService } from './backup-service';
import { ConsentLedger } from './consent/ledger';
import { OptInService } from './consent/opt-in-service';
import { OptInWidgetsService } from './opt-in-widgets/widgets-service';
import { ProviderSettings } from './remote-requests/provider-settings';
import { RemoteRequestsService } from './remote-requests/requests-service';
import { ConsentTextsService } from './consent/texts-service';
import { AnchorsLog, ledgerHeads } from './consent/anchors-log';
import { CloudRuntime } from './connection/cloud-runtime';
import { retireSandboxOptIns } from './connection/sandbox-consent';
import { InboxService } from './inbox/inbox-service';
import { InboundMessages } from './inbox/inbound-messages';
import { MessagingService } from './messaging/messaging-service';
import { CampaignsService } from './campaigns';
import { FileVault, PLAIN_CODEC, type SecretVault } from './secret-vault';
import { TemplatesService } from './templates-service';
import { EntryPointsService } from './entry-points-service';
import { EventBus } from './event-bus';
import { openDashboardServices, type DashboardServices } from './stats/wiring';
import { ImportService } from './import/import-service';
import { OwnerSession } from './owner-session';
import { KioskMode } from './kiosk-mode';
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
  /** Electron passes its safeStorage vault; elsewhere secrets go to the clearly named unprotected file. */
  vault?: SecretVault;
  random?: () => number;
  /** Tests speed the sandbox up: status webhook delays and the per-recipient spacing (6 s in real life). */
  sandbox?: { statusDelays?: { sent: number; delivered: number; read: number }; pairIntervalMs?: number };
  /** Fetch for calls to the outside world (Cloud API, Twilio): Electron passes Chromium's; Node's by default. */
  fetch?: typeof fetch;
}

/** Every main-process service, opened on one data folder. */
export interface AppServices extends DashboardServices {
  deps: Required<Omit<ServiceDeps, 'printer' | 'vault' | 'sandbox' | 'fetch'>>;
  bus: EventBus;
  settings: SettingsStore;
  profile: ProfileService;
  owner: OwnerSession;
  /** The customer kiosk (on/off kept in settings.json; leaving needs the owner PIN). */
  kiosk: KioskMode;
  entryPoints: EntryPointsService;
  printer: PosterPrinter;
  /** Set when print jobs are served over the web bridge. */
  printJobs: PrintJobs | null;
  store: DataStore;
  ledger: ConsentLedger;
  /** The app's own record of where every consent chain stood (detects dropped or re-sealed events). */
  anchors: AnchorsLog;
  texts: ConsentTextsService;
  optIns: OptInService;
  /** CSV import of contacts and consent. */
  imports: ImportService;
  backups: BackupService;
  vault: SecretVault;
  runtime: CloudRuntime;
  templates: TemplatesService;
  messaging: MessagingService;
  inbox: InboxService;
  /** Campaigns: plans, progress, pause/resume/cancel, funnel and export. */
  campaigns: CampaignsService;
  /** Meta's reports on the number's quality and on template statuses (pause campaigns, never resume them). */
  account: AccountEvents;
  /** Website / popup / in-app opt-in widgets and their JOIN codes. */
  widgets: OptInWidgetsService;
  /** SMS / email opt-in requests, double opt-in and their provider settings. */
  remoteSettings: ProviderSettings;
  remoteRequests: RemoteRequestsService;
  /** This installation's id (written on every consent event). */
  deviceId: string;
  close(): Promise<void>;
}

/** Opens the data folder and wires the services together; the one place real dependencies meet. */
export async function createAppServices(input: ServiceDeps): Promise<AppServices> {
  const { printer: givenPrinter, vault: givenVault, sandbox, fetch: givenFetch, ...rest } = input;
  const deps = { now: () => new Date(), random: Math.random, ...rest };
  const bus = new EventBus();
  // A restore asked for in the previous run happens before anything opens the folder.
  await BackupService.applyPendingRestore(deps.dataDir);
  const settings = await openSettings(deps.dataDir);
  const profile = new ProfileService(settings, deps.now);
  const owner = new OwnerSession(settings, deps.now);
  const kiosk = new KioskMode({ settings, owner, now: deps.now, onChange: (status) => bus.emit('kiosk:changed', status) });
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
  const anchors = await AnchorsLog.open(deps.dataDir, deps.now);
  // Every change is anchored soon after (coalesced): backups copy the data folder, anchors log included.
  ledger.onChange(() => anchors.schedule(() => ledgerHeads(ledger)));
  const texts = await ConsentTextsService.open(deps.dataDir, deps.now);
  const optIns = new OptInService(ledger, texts, profile, deps.now);
  const imports = new ImportService({
    ledger,
    defaultCountry: () => profile.get()?.country,
    now: deps.now,
    onProgress: (progress) => bus.emit('import:progress', progress),
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  });
  const backups = new BackupService(
    store, deps.dataDir, deps.now, (m) => console.log(m), (p) => bus.emit('backup:progress', p),
    // Every backup carries the consent chain heads of its instant (the anchors log is in the folder it copies).
    () => anchors.anchor('backup', ledgerHeads(ledger)),
  );
  const vault = givenVault ?? new FileVault(deps.dataDir, PLAIN_CODEC);
  const templates = await TemplatesService.open(deps.dataDir, deps.now);
  // The receiver starts before the inbox exists; webhooks wait for it through this late binding.
  const late: { inbox?: InboxService; messaging?: MessagingService; account?: AccountEvents } = {};
  const runtime = new CloudRuntime({
    settings,
    vault,
    onWebhook: async (batch) => {
      await late.inbox?.handle(batch.events);
      await late.account?.handle(batch.events);
    },
    onModeChange: async (from, to) => {
      await late.messaging?.outbox.discardQueued(`Queued while in ${from} mode; not sent after switching to ${to}.`);
    },
    log: (m) => console.log(m),
    beforeLive: async () => void (await retireSandboxOptIns(ledger, deps.now)),
    ...(sandbox ? { sandbox } : {}),
    ...(givenFetch ? { fetch: givenFetch } : {}),
  });
  const messaging = await MessagingService.open({
    store,
    ledger,
    texts,
    profile,
    runtime,
    templates,
    bus,
    now: deps.now,
    welcomeTemplate: () => (settings.data.welcomeTemplate as { name: string; language: string } | undefined) ?? { name: 'optin_welcome', language: 'en_US' },
    throughputPerSecond: () => runtime.settings().throughputPerSecond,
    ...(sandbox?.pairIntervalMs !== undefined ? { pairIntervalMs: sandbox.pairIntervalMs } : {}),
  });
  late.messaging = messaging;
  const seen = await store.collection<{ id: string; at: number }>('webhook-seen');
  // Meta retries a webhook for up to 7 days; older keys can go.
  const keepSince = deps.now().getTime() - 8 * 24 * 3600_000;
  for (const entry of [...seen.values()]) if (entry.at < keepSince) await seen.delete(entry.id);
  const widgets = await OptInWidgetsService.open({
    dataDir: deps.dataDir, now: deps.now, random: deps.random, shop: () => profile.get(),
    statement: (purposes, locale) => optIns.statement(purposes, locale),
    reservedCodes: () => entryPoints.refCodes(),
  });
  const inbox = new InboxService({
    messages: await InboundMessages.open(store),
    joinCodes: (code) => widgets.lookup(code),
    seen: {
      has: (key) => seen.has(key),
      add: (key) => seen.upsert({ id: key, at: deps.now().getTime() }),
    },
    ledger,
    entryPoints,
    messenger: messaging,
    keywords: () => (settings.data.keywords as { stop?: string[]; start?: string[]; help?: string[] } | undefined) ?? {},
    onChange: (domain) => bus.emit('data:changed', { domain }),
  });
  late.inbox = inbox;
  const campaigns = await CampaignsService.open({ store, ledger, templates, outbox: messaging.outbox, bus, settings, now: deps.now });
  const remoteSettings = new ProviderSettings(settings, vault);
  const remoteRequests = await RemoteRequestsService.open({
    dataDir: deps.dataDir, ledger, texts, settings: remoteSettings, shop: () => profile.get(), now: deps.now,
    onChange: () => bus.emit('data:changed', { domain: 'contacts' }), log: (m) => console.log(m),
    ...(givenFetch ? { fetch: givenFetch } : {}),
  });
  remoteRequests.start();
  const dashboard = await openDashboardServices({ dataDir: deps.dataDir, now: deps.now, bus, ledger, messaging, entryPoints, templates, runtime });
  const account = new AccountEvents({
    campaigns, templates, settings, bus, seen, now: deps.now,
    resyncTemplates: () => dashboard.templateResync.request(),
    log: (m) => console.log(m),
  });
  late.account = account;
  await runtime.start();
  messaging.start();
  return {
    deps,
    bus,
    settings,
    profile,
    owner,
    kiosk,
    entryPoints,
    printer,
    printJobs,
    store,
    ledger,
    anchors,
    texts,
    optIns,
    imports,
    backups,
    vault,
    runtime,
    templates,
    messaging,
    inbox,
    campaigns,
    account,
    widgets,
    remoteSettings,
    remoteRequests,
    deviceId,
    stats: dashboard.stats,
    templateMappings: dashboard.templateMappings,
    templateResync: dashboard.templateResync,
    async close() {
      // Stop taking webhooks first: a status arriving after the outbox closed would be answered 500 for nothing.
      await runtime.stop();
      dashboard.close();
      backups.stop();
      campaigns.close();
      await remoteRequests.stop();
      await messaging.stop();
      await ledger.close();
      await anchors.close(ledgerHeads(ledger));
      await store.close();
    },
  };
}
