import { USER_PREFERENCES_SOURCE, type ConsentEvent, type ConsentPurpose } from '../../../shared/domain/consent/event';
import { purposeForCategory, toTemplateCategory } from '../../../shared/domain/send-policy/category';
import { toSendComponents, type SlotValues } from '../../../shared/domain/templates/render';
import { AppError } from '../app-error';
import { CloudNetworkError } from '../cloud/errors';
import type { ContactRecord } from '../consent/contact-record';
import type { ConsentLedger } from '../consent/ledger';
import type { ConsentTextsService } from '../consent/texts-service';
import type { CloudRuntime } from '../connection/cloud-runtime';
import type { EventBus } from '../event-bus';
import { Outbox, type ContactSignal, type OutboxClient, type OutboxItem } from '../outbox';
import type { ProfileService } from '../profile-service';
import type { DataStore } from '../store/data-store';
import type { TemplatesService } from '../templates-service';
import type { StatusEvent } from '../webhook/events';
import { createConsentGate } from './consent-gate';

/** The template sent to confirm every opt-in; {{1}} is the business name. */
export interface WelcomeTemplate {
  name: string;
  language: string;
}

/** Dependencies of the messaging service. */
export interface MessagingDeps {
  store: DataStore;
  ledger: ConsentLedger;
  texts: ConsentTextsService;
  profile: ProfileService;
  runtime: CloudRuntime;
  templates: TemplatesService;
  bus: EventBus;
  now: () => Date;
  welcomeTemplate: () => WelcomeTemplate;
  throughputPerSecond: () => number;
  pairIntervalMs?: number;
}

/**
 * Everything the shop sends: welcome messages on opt-in, one-off notifications, replies inside the window. All of it
 * goes through the durable outbox, whose consent gate decides at send time; this service only decides what to queue.
 */
export class MessagingService {
  private pendingChanges = new Map<string, { id: string; contactId: string; state: string; origin: string; campaignId?: string }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly signalled = new Set<string>();

  private constructor(
    private readonly deps: MessagingDeps,
    readonly outbox: Outbox,
  ) {}

  static async open(deps: MessagingDeps): Promise<MessagingService> {
    // The outbox is opened once; the client behind it follows the connection (sandbox, live, none) as it changes.
    const client: OutboxClient = {
      sendTemplate: (input) => activeClient(deps.runtime).sendTemplate(input),
      sendText: (input) => activeClient(deps.runtime).sendText(input),
    };
    const gate = createConsentGate({ ledger: deps.ledger, templates: deps.templates, now: deps.now });
    // Outbox callbacks can only reach the service once it exists.
    const late: { service?: MessagingService } = {};
    const outbox = await Outbox.open({
      store: deps.store,
      client,
      // The same synchronous gate twice: when an item is picked (so refused items never take a request slot or a
      // `sending` mark) and in the same turn as the network call (an opt-out may have come while it waited).
      gate: async (item) => gate(item),
      checkAtSend: gate,
      now: () => deps.now().getTime(),
      throughputPerSecond: deps.throughputPerSecond(),
      ...(deps.pairIntervalMs !== undefined ? { pairIntervalMs: deps.pairIntervalMs } : {}),
      onChange: (item) => late.service?.changed(item),
      onUserStoppedMarketing: (signal) => late.service?.userStopped(signal),
      onUndeliverable: (signal) => late.service?.undeliverable(signal),
      onAlert: (alert) => deps.bus.emit('outbox:alert', { kind: alert.kind, message: 'reason' in alert ? alert.reason.message : 'message' in alert ? alert.message : '' }),
    });
    const service = new MessagingService(deps, outbox);
    late.service = service;
    deps.ledger.onChange((record, events) => service.afterConsent(record, events));
    return service;
  }

  start(): void {
    this.outbox.start();
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.outbox.stop();
  }

  /** Queues a template to one contact (a one-off notification such as "your order is ready"). */
  async sendTemplate(input: { contactId: string; name: string; language: string; values: SlotValues; origin?: 'notification' }): Promise<OutboxItem> {
    const record = this.deps.ledger.get(input.contactId);
    const template = this.deps.templates.find(input.name, input.language);
    if (!template) throw new AppError('not_found', 'That template is not in the synced list. Sync templates and try again.', 'name');
    if (template.status !== 'APPROVED') throw new AppError('template_not_approved', `The template is ${template.status.toLowerCase()}; only approved templates can be sent.`, 'name');
    const category = toTemplateCategory(template.category);
    const [item] = await this.outbox.enqueue([
      {
        contactId: record.id,
        to: record.phone,
        kind: 'template',
        template: { name: template.name, language: template.language, category, components: toSendComponents(template, input.values) },
        purpose: purposeForCategory(category),
        origin: input.origin ?? 'notification',
      },
    ]);
    return item!;
  }

  /** Free-form reply while the customer's 24 h window is open. */
  async sendText(contactId: string, body: string): Promise<OutboxItem> {
    const record = this.deps.ledger.get(contactId);
    const [item] = await this.outbox.enqueue([{ contactId: record.id, to: record.phone, kind: 'text', text: body, origin: 'reply' }]);
    return item!;
  }

  /** The unsubscribe confirmation or the program information, as a session message (the customer just wrote). */
  async reply(record: ContactRecord, kind: 'unsubscribe_ack' | 'help', purposes: ConsentPurpose[]): Promise<void> {
    const profile = this.deps.profile.get();
    if (!profile) return;
    const text = await this.deps.texts.render(kind === 'help' ? 'help' : 'unsubscribed', profile.locale, {
      business: profile.businessName,
      purposes,
      phone: profile.phoneDisplay,
      frequency: 'a few times a month',
      description: 'order updates and offers',
    });
    await this.outbox.enqueue([{ contactId: record.id, to: record.phone, kind: 'text', text: text.text, origin: kind }]);
  }

  async applyStatus(event: StatusEvent): Promise<void> {
    await this.outbox.applyStatus(event);
  }

  /** A confirmation the customer gave (not an import of past consent) gets one welcome message. */
  private afterConsent(record: ContactRecord, events: ConsentEvent[]): void {
    const confirmed = events.filter((e) => e.type === 'confirmed' && e.method !== 'import');
    if (confirmed.length === 0) return;
    const profile = this.deps.profile.get();
    if (!profile) return;
    const welcome = this.deps.welcomeTemplate();
    void this.outbox
      .enqueue([
        {
          contactId: record.id,
          to: record.phone,
          kind: 'template',
          template: {
            name: welcome.name,
            language: welcome.language,
            category: 'UTILITY',
            components: [{ type: 'body', parameters: [{ type: 'text', text: profile.businessName }] }],
          },
          purpose: confirmed[0]!.purpose,
          origin: 'welcome',
        },
      ])
      .catch((error: unknown) => console.error('could not queue the welcome message:', (error as Error).message));
  }

  private changed(item: OutboxItem): void {
    if (item.origin === 'welcome' && item.state === 'accepted') void this.recordWelcomed(item);
    this.pendingChanges.set(item.id, {
      id: item.id,
      contactId: item.contactId,
      state: item.state,
      origin: item.origin,
      ...(item.campaignId ? { campaignId: item.campaignId } : {}),
    });
    // Coalesced: a campaign changes thousands of items a minute; the UI needs a picture, not every step.
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      const items = [...this.pendingChanges.values()];
      this.pendingChanges = new Map();
      this.deps.bus.emit('outbox:changed', { items });
    }, 100);
  }

  private async recordWelcomed(item: OutboxItem): Promise<void> {
    try {
      const record = this.deps.ledger.get(item.contactId);
      const purpose = item.purpose ?? 'utility';
      await this.deps.ledger.record(record.id, [
        {
          type: 'welcomed',
          purpose,
          method: record.derived[purpose].method ?? 'staff',
          source: 'whatsapp welcome message',
          evidence: { note: `outbox ${item.id}${item.wamid ? `, ${item.wamid}` : ''}` },
          recordedBy: 'system',
          occurredAt: this.deps.now().toISOString(),
        },
      ]);
      this.deps.bus.emit('data:changed', { domain: 'contacts' });
    } catch (error) {
      console.error('could not record the welcome:', (error as Error).message);
    }
  }

  /** 131050: the customer stopped marketing inside WhatsApp. Meta may repeat it; record it once. */
  private async userStopped(signal: ContactSignal): Promise<void> {
    if (this.signalled.has(`stop:${signal.itemId}`)) return;
    const record = this.deps.ledger.get(signal.contactId);
    if (record.derived.marketing.state !== 'opted_out') {
      await this.deps.ledger.record(record.id, [
        {
          type: 'revoked',
          purpose: 'marketing',
          method: 'whatsapp_button',
          source: USER_PREFERENCES_SOURCE,
          evidence: { inboundBody: `delivery failed with ${signal.code ?? 131050}: user stopped marketing messages`, note: `outbox ${signal.itemId}` },
          recordedBy: 'system',
          occurredAt: new Date(signal.at).toISOString(),
        },
      ]);
    }
    this.signalled.add(`stop:${signal.itemId}`);
  }

  /** 131026: the number cannot receive WhatsApp messages. */
  private async undeliverable(signal: ContactSignal): Promise<void> {
    if (this.signalled.has(`bounce:${signal.itemId}`)) return;
    const record = this.deps.ledger.get(signal.contactId);
    if (!record.derived.utility.bounced) {
      await this.deps.ledger.record(record.id, [
        {
          type: 'bounced',
          purpose: 'utility',
          method: 'staff',
          source: 'whatsapp delivery',
          evidence: { note: `outbox ${signal.itemId}: ${signal.code ?? 131026} number cannot receive messages` },
          recordedBy: 'system',
          occurredAt: new Date(signal.at).toISOString(),
        },
      ]);
    }
    this.signalled.add(`bounce:${signal.itemId}`);
  }
}

function activeClient(runtime: CloudRuntime) {
  const client = runtime.client();
  // Not connected: the outbox holds the message and probes again later, as it does when offline.
  if (!client) throw new CloudNetworkError('offline', 'not_sent', 'no Cloud API connection is configured');
  return client;
}
