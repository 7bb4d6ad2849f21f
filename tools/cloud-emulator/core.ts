/** The emulated Cloud API itself: routes, checks in Meta's order, records, and the status webhooks that follow. */
import { randomBytes } from 'node:crypto';
import { checkTemplateSend, defaultTemplates, templatePage } from './catalogue';
import { errorEnvelope, newWamid, type EmulatedError } from './envelope';
import { PairLimiter, ThroughputWindow } from './limits';
import type { CloudEmulatorOptions, EmulatorTemplate, InjectedFailure, RecipientBehaviour, SentRecord, StatusDelays, WebhookDelivery } from './types';
import { validateMessageBody, type ValidMessage } from './validate';
import { createWebhookPoster, webhookEnvelope } from './webhooks';

/** A parsed API request handed over by the HTTP layer. */
export interface ApiRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
  selfUrl: string;
}

/** An answer: HTTP status and a JSON body. */
export interface ApiAnswer {
  status: number;
  json: unknown;
}

type Settings = Required<Omit<CloudEmulatorOptions, 'port' | 'host' | 'statusDelays' | 'chaos' | 'templates' | 'recipients' | 'controlToken'>> & {
  statusDelays: StatusDelays;
  chaos: CloudEmulatorOptions['chaos'];
};

/** Resolves options into settings with defaults. */
export function resolveSettings(o: CloudEmulatorOptions): Settings {
  return {
    accessToken: o.accessToken ?? 'emulator-token',
    appSecret: o.appSecret ?? 'emulator-app-secret',
    phoneNumberId: o.phoneNumberId ?? '106540352242922',
    wabaId: o.wabaId ?? '102290129340398',
    displayPhoneNumber: o.displayPhoneNumber ?? '15550783881',
    verifiedName: o.verifiedName ?? 'Lucky Shrub',
    webhookUrl: o.webhookUrl ?? null,
    defaultRecipient: o.defaultRecipient ?? 'deliver',
    throughputPerSecond: o.throughputPerSecond ?? 80,
    pairIntervalMs: o.pairIntervalMs ?? 6000,
    windowMs: o.windowMs ?? 24 * 3600_000,
    enforceWindow: o.enforceWindow ?? true,
    statusDelays: { sent: 20, delivered: 60, read: 120, ...o.statusDelays },
    chaos: o.chaos ?? null,
    webhookRetries: o.webhookRetries ?? 3,
    webhookRetryDelayMs: o.webhookRetryDelayMs ?? 50,
    webhookRetryMaxDelayMs: o.webhookRetryMaxDelayMs ?? 60_000,
    templatesPageSize: o.templatesPageSize ?? 25,
    clock: o.clock ?? Date.now,
  };
}

const FAILED_TITLES: Record<number, string> = {
  131026: 'Message undeliverable',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131050: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
};

/** Creates the emulator state machine (no sockets here). */
export function createEmulatorCore(options: CloudEmulatorOptions) {
  const s = resolveSettings(options);
  let templates: EmulatorTemplate[] = structuredClone(options.templates ?? defaultTemplates());
  const recipients = new Map<string, RecipientBehaviour>(Object.entries(options.recipients ?? {}));
  let sent: SentRecord[] = [];
  let deliveries: WebhookDelivery[] = [];
  const windows = new Map<string, number>();
  const inboundIds = new Set<string>();
  let failures: { remaining: number; failure: InjectedFailure }[] = [];
  const throughput = new ThroughputWindow();
  const pairs = new PairLimiter();
  let rejections: Record<string, number> = {};
  const qrLinks = new Map<string, { code: string; prefilled_message: string; deep_link_url: string }>();
  /** What the phone-number endpoint reports; quality updates move it. */
  const quality = { rating: 'GREEN', limit: 'TIER_250' };
  const identity = () => ({ wabaId: s.wabaId, phoneNumberId: s.phoneNumberId, displayPhoneNumber: s.displayPhoneNumber });
  const poster = createWebhookPoster({
    getUrl: () => s.webhookUrl,
    getSecret: () => s.appSecret,
    getRetries: () => s.webhookRetries,
    getRetryDelayMs: () => s.webhookRetryDelayMs,
    getRetryMaxDelayMs: () => s.webhookRetryMaxDelayMs,
    clock: s.clock,
    record: (d) => deliveries.push(d),
  });

  const fail = (e: EmulatedError): ApiAnswer => {
    const code = String((e.body.error as { code: number }).code);
    rejections[code] = (rejections[code] ?? 0) + 1;
    return { status: e.httpStatus, json: e.body };
  };

  function handle(req: ApiRequest): ApiAnswer {
    const injected = failures.find((f) => !f.failure.pathIncludes || req.pathname.includes(f.failure.pathIncludes));
    if (injected) {
      injected.remaining--;
      failures = failures.filter((f) => f.remaining > 0);
      const f = injected.failure;
      return fail(errorEnvelope(f.code, f.details ?? 'Injected failure', { httpStatus: f.httpStatus, subcode: f.subcode }));
    }
    if (req.authorization !== `Bearer ${s.accessToken}`) {
      return fail(errorEnvelope(190, 'Invalid OAuth access token - Cannot parse access token', { httpStatus: 401, message: 'Invalid OAuth access token - Cannot parse access token' }));
    }
    const parts = req.pathname.split('/').filter(Boolean);
    if (!/^v\d+\.\d+$/.test(parts[0] ?? '')) return fail(errorEnvelope(100, 'Unknown path components', { httpStatus: 400 }));
    const [, id, edge, sub] = parts;
    const unknownObject = () => fail(errorEnvelope(100, `Unsupported ${req.method.toLowerCase()} request. Object with ID '${id}' does not exist`, { subcode: 33 }));
    if (id === s.phoneNumberId) {
      if (edge === undefined && req.method === 'GET') return { status: 200, json: phoneNumber() };
      if (edge === 'messages' && sub === undefined && req.method === 'POST') return postMessage(req.body);
      if (edge === 'message_qrdls') return qr(req, sub);
    }
    if (id === s.wabaId && edge === 'message_templates' && sub === undefined && req.method === 'GET') {
      return { status: 200, json: templatePage(templates, req.query, req.selfUrl, s.templatesPageSize) };
    }
    return unknownObject();
  }

  function phoneNumber() {
    return {
      id: s.phoneNumberId,
      display_phone_number: s.displayPhoneNumber,
      verified_name: s.verifiedName,
      quality_rating: quality.rating,
      code_verification_status: 'VERIFIED',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
    };
  }

  function postMessage(raw: string): ApiAnswer {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(errorEnvelope(100, 'Request body is not valid JSON'));
    }
    const v = validateMessageBody(body);
    if (v.kind === 'invalid') return fail(errorEnvelope(v.code, v.details));
    if (v.kind === 'read') {
      if (!inboundIds.has(v.messageId)) return fail(errorEnvelope(100, `Invalid parameter: message_id ${v.messageId} is unknown`));
      return { status: 200, json: { success: true } };
    }
    const now = s.clock();
    if (v.to === s.displayPhoneNumber) return fail(errorEnvelope(131021, 'Recipient cannot be sender.'));
    const behaviour = recipients.get(v.to) ?? s.defaultRecipient;
    if (behaviour === 'not_on_whatsapp') return fail(errorEnvelope(131026, 'Receiver is incapable of receiving this message'));
    let category = 'service';
    if (v.type === 'template') {
      const check = checkTemplateSend(templates, v.payload);
      if (!check.ok) return fail(errorEnvelope(check.code, check.details));
      category = check.template.category.toLowerCase();
    } else if (s.enforceWindow && !windowOpen(v.to, now)) {
      return fail(errorEnvelope(131047, 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'));
    }
    if (!throughput.allows(now, s.throughputPerSecond)) {
      return fail(errorEnvelope(130429, 'Cloud API message throughput has been reached.', { subcode: 2494055 }));
    }
    if (!pairs.allows(v.to, now, s.pairIntervalMs)) {
      return fail(errorEnvelope(131056, 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.'));
    }
    throughput.record(now);
    pairs.record(v.to, now);
    const id = newWamid();
    sent.push(record(id, v, now));
    scheduleStatuses(id, v, behaviour, category, now);
    const json: Record<string, unknown> = { messaging_product: 'whatsapp', contacts: [{ input: (body as { to: string }).to, wa_id: v.to }], messages: [{ id }] };
    if (v.type === 'template') (json.messages as Record<string, unknown>[])[0]!.message_status = 'accepted';
    return { status: 200, json };
  }

  function record(id: string, v: ValidMessage, at: number): SentRecord {
    const p = v.payload as { name?: string; language?: { code?: string }; body?: string };
    return {
      id,
      to: v.to,
      type: v.type,
      templateName: v.type === 'template' ? p.name : undefined,
      templateLanguage: v.type === 'template' ? p.language?.code : undefined,
      text: v.type === 'text' ? p.body : undefined,
      bizOpaqueCallbackData: v.bizOpaqueCallbackData,
      at,
      body: JSON.parse(JSON.stringify({ ...v.payload, type: v.type, to: v.to })),
    };
  }

  function scheduleStatuses(id: string, v: ValidMessage, behaviour: RecipientBehaviour, category: string, at: number): void {
    if (!s.webhookUrl) return;
    const d = s.statusDelays;
    const plan: { status: string; delay: number; code?: number }[] = [];
    const failCode =
      behaviour === 'undeliverable' ? 131026 : category === 'marketing' && behaviour === 'marketing_limit' ? 131049 : category === 'marketing' && behaviour === 'marketing_stopped' ? 131050 : undefined;
    if (failCode !== undefined) plan.push({ status: 'failed', delay: d.sent ?? 0, code: failCode });
    else {
      if (d.sent !== null) plan.push({ status: 'sent', delay: d.sent });
      if (d.delivered !== null) plan.push({ status: 'delivered', delay: d.delivered });
      if (d.read !== null && behaviour !== 'no_read') plan.push({ status: 'read', delay: d.read });
    }
    const random = s.chaos?.random ?? Math.random;
    if (s.chaos && plan.length >= 2 && random() < s.chaos.reorderRate) {
      const [a, b] = [plan[plan.length - 2]!, plan[plan.length - 1]!];
      [a.delay, b.delay] = [b.delay + 5, a.delay];
    }
    for (const step of [...plan]) if (s.chaos && random() < s.chaos.duplicateRate) plan.push({ ...step, delay: step.delay + 3 });
    for (const step of plan) {
      const status: Record<string, unknown> = {
        id,
        status: step.status,
        timestamp: String(Math.floor((at + step.delay) / 1000)),
        recipient_id: v.to,
      };
      if (v.bizOpaqueCallbackData !== undefined) status.biz_opaque_callback_data = v.bizOpaqueCallbackData;
      if (step.status === 'sent' || step.status === 'delivered') {
        status.conversation = { id: `conv-${v.to}`, origin: { type: category } };
        status.pricing = { billable: category !== 'service', pricing_model: 'PMP', type: 'regular', category };
      }
      if (step.code !== undefined) {
        status.errors = [{ code: step.code, title: FAILED_TITLES[step.code], message: FAILED_TITLES[step.code], error_data: { details: FAILED_TITLES[step.code] } }];
      }
      poster.schedule(step.delay, webhookEnvelope(identity(), { statuses: [status] }), 'status');
    }
  }

  function windowOpen(to: string, now: number): boolean {
    const last = windows.get(to);
    return last !== undefined && now - last < s.windowMs;
  }

  function qr(req: ApiRequest, code: string | undefined): ApiAnswer {
    if (code === undefined && req.method === 'GET') return { status: 200, json: { data: [...qrLinks.values()] } };
    if (code !== undefined && req.method === 'DELETE') {
      if (!qrLinks.delete(code)) return fail(errorEnvelope(100, `QR code ${code} does not exist`));
      return { status: 200, json: { success: true } };
    }
    if (code !== undefined || req.method !== 'POST') return fail(errorEnvelope(100, 'Unsupported request'));
    let body: { prefilled_message?: unknown; generate_qr_image?: unknown };
    try {
      body = JSON.parse(req.body);
    } catch {
      return fail(errorEnvelope(100, 'Request body is not valid JSON'));
    }
    if (body.prefilled_message === undefined) return fail(errorEnvelope(131008, 'The parameter prefilled_message is required.'));
    if (typeof body.prefilled_message !== 'string' || body.prefilled_message.length === 0 || body.prefilled_message.length > 140) {
      return fail(errorEnvelope(131009, 'prefilled_message must be 1 to 140 characters'));
    }
    const format = body.generate_qr_image ?? 'SVG';
    if (format !== 'SVG' && format !== 'PNG') return fail(errorEnvelope(100, 'generate_qr_image must be SVG or PNG'));
    if (qrLinks.size >= 2000) return fail(errorEnvelope(100, 'At most 2000 QR codes per phone number'));
    const newCode = randomBytes(10).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(14, '0').slice(0, 14);
    const link = { code: newCode, prefilled_message: body.prefilled_message, deep_link_url: `https://wa.me/message/${newCode}` };
    qrLinks.set(newCode, link);
    return { status: 200, json: { ...link, qr_image_url: `${new URL(req.selfUrl).origin}/_emulator/qr/${newCode}.${format.toLowerCase()}` } };
  }

  return {
    settings: s,
    handle,
    poster,
    identity,
    windows,
    inboundIds,
    recipients,
    getTemplates: () => templates,
    /** Applies a quality event the way Meta reports it; returns the limit before it, for `old_limit`. */
    applyQuality: (event: string, currentLimit: string | undefined): { currentLimit: string; oldLimit: string } => {
      const oldLimit = quality.limit;
      if (currentLimit) quality.limit = currentLimit;
      if (event === 'FLAGGED') quality.rating = 'RED';
      else if (event === 'UNFLAGGED') quality.rating = 'GREEN';
      return { currentLimit: quality.limit, oldLimit };
    },
    setTemplates: (list: EmulatorTemplate[]) => {
      templates = structuredClone(list);
    },
    sent: () => sent.map((r) => ({ ...r })),
    deliveries: () => [...deliveries],
    rejections: () => ({ ...rejections }),
    failNext: (count: number, failure: InjectedFailure) => {
      if (count > 0) failures.push({ remaining: count, failure });
    },
    /** Back to the state right after start: records, windows, limits and configuration. */
    reset: () => {
      poster.cancelAll();
      Object.assign(s, resolveSettings(options));
      templates = structuredClone(options.templates ?? defaultTemplates());
      recipients.clear();
      for (const [k, b] of Object.entries(options.recipients ?? {})) recipients.set(k, b);
      sent = [];
      deliveries = [];
      windows.clear();
      inboundIds.clear();
      failures = [];
      throughput.reset();
      pairs.reset();
      rejections = {};
      qrLinks.clear();
      Object.assign(quality, { rating: 'GREEN', limit: 'TIER_250' });
    },
  };
}

/** The emulator core's type, for the HTTP layer and the control API. */
export type EmulatorCore = ReturnType<typeof createEmulatorCore>;
