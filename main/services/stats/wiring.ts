/** Opens the dashboard and template-page services and connects them to the rest (the one place they meet). */
import type { CloudRuntime } from '../connection/cloud-runtime';
import type { ConsentLedger } from '../consent/ledger';
import type { EntryPointsService } from '../entry-points-service';
import type { EventBus } from '../event-bus';
import type { MessagingService } from '../messaging/messaging-service';
import { TemplateMappingsService } from '../template-mappings';
import { TemplateResync } from '../template-resync';
import type { TemplatesService } from '../templates-service';
import { StatsService } from './stats-service';

/** The services this wiring adds to AppServices. */
export interface DashboardServices {
  stats: StatsService;
  templateMappings: TemplateMappingsService;
  /** Automatic resync after a 132001 send failure (at most once a minute). */
  templateResync: TemplateResync;
}

/** Starts the stats scan in the background and subscribes the automatic template resync to outbox alerts. */
export async function openDashboardServices(deps: {
  dataDir: string;
  now: () => Date;
  bus: EventBus;
  ledger: ConsentLedger;
  messaging: MessagingService;
  entryPoints: EntryPointsService;
  templates: TemplatesService;
  runtime: CloudRuntime;
}): Promise<DashboardServices & { close(): void }> {
  const { bus, templates, runtime } = deps;
  const stats = new StatsService({
    ledger: deps.ledger,
    outboxItems: () => deps.messaging.outbox.list({ limit: Number.POSITIVE_INFINITY }),
    chatStats: () => deps.entryPoints.chatStats(),
    now: deps.now,
  });
  const templateMappings = await TemplateMappingsService.open(deps.dataDir, deps.now, (name, language) => templates.find(name, language));
  const templateResync = new TemplateResync({
    sync: () => templates.sync(runtime.client()),
    now: () => deps.now().getTime(),
    onSynced: () => bus.emit('data:changed', { domain: 'templates' }),
    onError: (error) => console.error('automatic template resync failed:', (error as Error).message),
  });
  const stopListening = bus.listen((event, payload) => {
    if (event === 'outbox:alert' && (payload as { kind?: string }).kind === 'resync_templates') templateResync.request();
  });
  return {
    stats,
    templateMappings,
    templateResync,
    close() {
      stopListening();
      stats.close();
    },
  };
}
