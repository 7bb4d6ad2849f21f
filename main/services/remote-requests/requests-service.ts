import { ulid } from 'ulid';
import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { classifyKeyword, type ExtraKeywords } from '../../../shared/domain/consent/keywords';
import { keywordPlan } from '../../../shared/domain/send-policy/keyword-policy';
import { buildWaLink } from '../../../shared/domain/entry-points/wa-link';
import { formatPhone, normalizePhone } from '../../../shared/domain/phone';
import { AppError } from '../app-error';
import type { ContactRecord } from '../consent/contact-record';
import { refreshForTime } from '../consent/contact-record';
import type { ConsentLedger, EventDraft } from '../consent/ledger';
import type { ConsentTextsService } from '../consent/texts-service';
import type { ProviderSettings } from './provider-settings';
import type { RemoteRequest } from './request-store';
import { RequestStore } from './request-store';
import { emailBody, emailSubject, mailtoUrlTo, smsUrlTo } from './request-texts';
import { sendMail, type SmtpConfig } from './smtp-sender';
import { TwilioClient, type TwilioConfig } from './twilio-client';

const DAY_MS = 24 * 3600_000;

/** Who to ask, how, and for what. */
export interface RequestInput {
  channel: 'sms' | 'email';
  contactId?: string;
  phone?: string;
  country?: string;
  name?: string;
  email?: string;
  purposes: ConsentPurpose[];
  locale?: string;
}

/** The exact message a request would send, and links to send it by hand. */
export interface RequestPreview {
  phone: string;
  text: string;
  textVersion: number;
  locale: string;
  subject?: string;
  smsUrl?: string;
  mailtoUrl?: string;
}

/** A pending request as the list shows it. */
export interface PendingRequestView extends RemoteRequest {
  name: string;
  ageMs: number;
  expiresAt: string;
}

/** Dependencies; providers are injectable so tests can count calls. */
export interface RemoteRequestsDeps {
  dataDir: string;
  ledger: ConsentLedger;
  texts: ConsentTextsService;
  settings: ProviderSettings;
  shop: () => { businessName: string; phoneE164: string; country: string; locale: string } | null;
  now: () => Date;
  fetch?: typeof fetch;
  mail?: (config: SmtpConfig, mail: { to: string; subject: string; text: string }) => Promise<{ messageId: string }>;
  onChange?: () => void;
  log?: (message: string) => void;
}

/**
 * SMS and email opt-in requests with double opt-in: composes the versioned request text, sends it through Twilio /
 * SMTP (or hands staff the text and sms:/mailto: links), records `requested`; confirms on a YES (polled from Twilio's
 * inbound list, or logged by staff), revokes on STOP, and writes `expired` for requests left unconfirmed.
 */
export class RemoteRequestsService {
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling: Promise<unknown> | null = null;

  private constructor(
    private readonly store: RequestStore,
    private readonly deps: RemoteRequestsDeps,
  ) {
    // A confirmation or stop arriving any other way (WhatsApp YES/STOP, the contact page) closes the request too.
    deps.ledger.onChange((record, events) => {
      const open = store.openFor(record.id);
      if (open.length === 0) return;
      const type = events.some((e) => e.type === 'revoked') ? 'revoked' : events.some((e) => e.type === 'confirmed') ? 'confirmed' : null;
      if (!type) return;
      const purposes = new Set(events.filter((e) => e.type === type).map((e) => e.purpose));
      const ids = open.filter((r) => r.purposes.some((p) => purposes.has(p))).map((r) => r.id);
      void store.close(ids, type, deps.now().toISOString()).then(() => deps.onChange?.());
    });
  }

  static async open(deps: RemoteRequestsDeps): Promise<RemoteRequestsService> {
    return new RemoteRequestsService(await RequestStore.open(deps.dataDir), deps);
  }

  /** The text that would be sent, exactly, with sms:/mailto: links for sending it by hand. */
  async preview(input: RequestInput): Promise<RequestPreview> {
    const shop = this.shop();
    const phone = this.phoneOf(input);
    const locale = input.locale ?? shop.locale;
    const { program } = this.deps.settings.get();
    const rendered = await this.deps.texts.render('sms_request', locale, {
      business: shop.businessName,
      description: program.description,
      frequency: program.frequency,
      phone: formatPhone(phone),
    });
    if (input.channel === 'sms') {
      return { phone, text: rendered.text, textVersion: rendered.version, locale, smsUrl: smsUrlTo(phone, rendered.text) };
    }
    const email = this.emailOf(input);
    const subject = emailSubject(shop.businessName, locale);
    const text = emailBody(rendered.text, buildWaLink(shop.phoneE164, 'YES'), locale);
    return { phone, text, textVersion: rendered.version, locale, subject, mailtoUrl: mailtoUrlTo(email, subject, text) };
  }

  /** Sends (or, for `manual`, records that staff sent) a request; writes `requested` for each purpose not yet decided. */
  async send(input: RequestInput & { via: 'provider' | 'manual'; staffMember: string }): Promise<{ request: RemoteRequest; contact: ContactRecord }> {
    const preview = await this.preview(input);
    const { record } = await this.deps.ledger.ensureContact({ phone: preview.phone, ...(input.name ? { name: input.name } : {}) });
    const now = this.deps.now().getTime();
    const states = input.purposes.map((p) => [p, refreshForTime(record.derived[p], now, record.lastInboundAt).state] as const);
    if (states.some(([, s]) => s === 'opted_out')) {
      throw new AppError('consent_revoked', 'This customer opted out. Do not ask again; only their own START or YES can bring them back.', 'purposes');
    }
    const purposes = states.filter(([, s]) => s !== 'opted_in').map(([p]) => p);
    if (purposes.length === 0) throw new AppError('already_opted_in', 'This customer already agreed to these messages.', 'purposes');
    let providerMessageId: string | undefined;
    if (input.via === 'provider') {
      if (input.channel === 'sms') {
        providerMessageId = (await this.twilio(await this.deps.settings.twilio()).send(preview.phone, preview.text)).sid;
      } else {
        const mail = this.deps.mail ?? sendMail;
        providerMessageId = (await mail(await this.deps.settings.smtp(), { to: this.emailOf(input), subject: preview.subject!, text: preview.text })).messageId;
      }
    }
    const sentAt = new Date(now).toISOString();
    const method = input.channel === 'sms' ? 'sms_double_opt_in' : 'email_link';
    const provider = input.channel === 'sms' ? 'Twilio' : 'SMTP';
    const drafts: EventDraft[] = purposes.map((purpose) => ({
      type: 'requested',
      purpose,
      method,
      source: input.via === 'provider' ? `${input.channel} request via ${provider}` : `${input.channel} request sent by staff`,
      textShown: preview.text,
      textVersion: preview.textVersion,
      locale: preview.locale,
      evidence: {
        staffMember: input.staffMember,
        note: providerMessageId ? `${provider} message id ${providerMessageId}` : `sent by staff from their own ${input.channel === 'sms' ? 'phone' : 'mail app'}`,
      },
      recordedBy: input.staffMember,
      occurredAt: sentAt,
    }));
    const written = await this.deps.ledger.record(record.id, drafts);
    const request: RemoteRequest = {
      id: ulid(now),
      contactId: record.id,
      phone: preview.phone,
      channel: input.channel,
      via: input.via,
      ...(input.channel === 'email' ? { email: this.emailOf(input) } : {}),
      purposes,
      text: preview.text,
      textVersion: preview.textVersion,
      locale: preview.locale,
      ...(providerMessageId ? { providerMessageId } : {}),
      sentAt,
      status: 'pending',
    };
    await this.store.add(request);
    this.deps.onChange?.();
    return { request, contact: written.record };
  }

  /** Open requests, oldest first, with their age and when they lapse. */
  pending(): PendingRequestView[] {
    const now = this.deps.now().getTime();
    const expiryMs = this.deps.settings.get().expiryDays * DAY_MS;
    return this.store
      .open()
      .map((r) => {
        const sent = Date.parse(r.sentAt);
        let name = '';
        try {
          name = this.deps.ledger.get(r.contactId).name;
        } catch {
          // contact gone: still list the request by number
        }
        return { ...r, name, ageMs: now - sent, expiresAt: new Date(sent + expiryMs).toISOString() };
      })
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  /** Staff log "Customer replied YES by SMS": confirms the request with that as the evidence. */
  async markYes(input: { requestId: string; staffMember: string; note?: string }): Promise<ContactRecord> {
    const request = this.store.open().find((r) => r.id === input.requestId);
    if (!request) throw new AppError('not_found', 'That request is no longer pending (confirmed, stopped or expired).', 'requestId');
    const drafts = this.confirmDrafts(request, {
      inboundBody: 'YES',
      staffMember: input.staffMember,
      note: `Customer replied YES by ${request.channel === 'sms' ? 'SMS' : 'email'}; logged by staff${input.note ? `: ${input.note}` : ''}`,
    }, input.staffMember, this.deps.now().toISOString(), `${request.channel} reply logged by staff`);
    const written = await this.deps.ledger.record(request.contactId, drafts);
    await this.store.close([request.id], 'confirmed', this.deps.now().toISOString());
    this.deps.onChange?.();
    return written.record;
  }

  /** Reads Twilio's inbound list once and acts on new YES / STOP / HELP replies. Returns how many were handled. */
  async poll(): Promise<{ handled: number }> {
    if (this.polling) {
      await this.polling;
      return { handled: 0 };
    }
    const run = this.pollOnce();
    this.polling = run;
    try {
      return await run;
    } finally {
      this.polling = null;
    }
  }

  /** Writes `expired` for requests left unconfirmed past the configured time. Returns how many expired. */
  async expireDue(): Promise<number> {
    const now = this.deps.now().getTime();
    const expiryMs = this.deps.settings.get().expiryDays * DAY_MS;
    let count = 0;
    for (const request of this.store.open()) {
      const lapsedAt = Date.parse(request.sentAt) + expiryMs;
      if (now < lapsedAt) continue;
      const record = this.deps.ledger.get(request.contactId);
      const drafts: EventDraft[] = request.purposes
        .filter((p) => record.derived[p].state === 'pending')
        .map((purpose) => ({
          type: 'expired',
          purpose,
          method: request.channel === 'sms' ? 'sms_double_opt_in' : 'email_link',
          source: `${request.channel} request not confirmed in ${this.deps.settings.get().expiryDays} days`,
          evidence: { note: `request ${request.id} sent ${request.sentAt}` },
          recordedBy: 'system',
          occurredAt: new Date(lapsedAt).toISOString(),
        }));
      if (drafts.length > 0) await this.deps.ledger.record(record.id, drafts);
      await this.store.close([request.id], 'expired', new Date(now).toISOString());
      count++;
    }
    if (count > 0) this.deps.onChange?.();
    return count;
  }

  /** Polls Twilio and expires stale requests every `pollSeconds` (errors are logged, the next round retries). */
  start(): void {
    if (this.timer) return;
    const seconds = Math.max(5, this.deps.settings.get().pollSeconds);
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  /** One round of the background work. */
  async tick(): Promise<void> {
    try {
      await this.expireDue();
      if (await this.deps.settings.twilioReady()) await this.poll();
    } catch (error) {
      this.deps.log?.(`remote opt-in round failed (will retry): ${(error as Error).message}`);
    }
  }

  private async pollOnce(): Promise<{ handled: number }> {
    const config = await this.deps.settings.twilio();
    const client = this.twilio(config);
    const inbound = (await client.inbound()).reverse();
    const extra = this.deps.settings.keywords() as ExtraKeywords;
    let handled = 0;
    for (const sms of inbound) {
      if (this.store.seen(sms.sid)) continue;
      await this.handleSms(sms, classifyKeyword(sms.body, extra), client);
      await this.store.markSeen(sms.sid);
      handled++;
    }
    if (handled > 0) this.deps.onChange?.();
    return { handled };
  }

  private async handleSms(
    sms: { sid: string; from: string; body: string; sentAt: number },
    intent: ReturnType<typeof classifyKeyword>,
    client: TwilioClient,
  ): Promise<void> {
    const shop = this.shop();
    const parsed = normalizePhone(sms.from, shop.country);
    if (!parsed.ok || !intent) return;
    const occurredAt = new Date(sms.sentAt || this.deps.now().getTime()).toISOString();
    const evidence = { inboundMessageId: sms.sid, inboundBody: sms.body, keyword: sms.body.trim().slice(0, 40) };
    if (intent === 'help') {
      const help = await this.deps.texts.render('help', shop.locale, { business: shop.businessName, ...this.deps.settings.get().program });
      await client.send(parsed.phone.e164, help.text);
      return;
    }
    // Every stop is honoured, from anyone; a YES only confirms what this number was asked.
    const record = intent === 'stop'
      ? (await this.deps.ledger.ensureContact({ phone: parsed.phone.e164 })).record
      : this.deps.ledger.findByPhone(parsed.phone.e164);
    if (!record) return;
    const open = this.store.openFor(record.id);
    const now = this.deps.now().getTime();
    const derived = { marketing: refreshForTime(record.derived.marketing, now, null), utility: refreshForTime(record.derived.utility, now, null) };
    // The same keyword plan as WhatsApp's (shared/domain/send-policy): what is revoked or confirmed, and the reply.
    const plan = keywordPlan(intent, derived);
    if (intent === 'stop') {
      const drafts: EventDraft[] = plan.revoke.map((purpose) => ({
        type: 'revoked', purpose, method: 'sms_keyword', source: 'sms reply', evidence, recordedBy: 'system', occurredAt,
      }));
      await this.deps.ledger.record(record.id, drafts);
      await this.store.close(open.map((r) => r.id), 'revoked', new Date(now).toISOString());
      if (plan.reply === 'unsubscribe_ack') await this.confirmStop(client, parsed.phone.e164, plan.revoke);
      return;
    }
    const request = open.find((r) => r.purposes.some((p) => plan.confirm.includes(p) && derived[p].state === 'pending'));
    if (request) {
      await this.deps.ledger.record(record.id, this.confirmDrafts(request, evidence, 'system', occurredAt, 'sms reply'));
      await this.store.close([request.id], 'confirmed', new Date(now).toISOString());
      return;
    }
    if (plan.confirm.length > 0) {
      await this.deps.ledger.record(record.id, plan.confirm.map((purpose) => ({
        type: 'confirmed', purpose, method: 'sms_keyword', source: 'sms reply', evidence, recordedBy: 'system', occurredAt,
      })));
    }
  }

  /** The one "you're unsubscribed" SMS (CTIA); a failure to send it never undoes or repeats the recorded STOP. */
  private async confirmStop(client: TwilioClient, to: string, purposes: ConsentPurpose[]): Promise<void> {
    const shop = this.shop();
    try {
      const text = await this.deps.texts.render('unsubscribed', shop.locale, {
        business: shop.businessName,
        purposes,
        phone: formatPhone(shop.phoneE164),
        ...this.deps.settings.get().program,
      });
      await client.send(to, text.text);
    } catch (error) {
      this.deps.log?.(`could not send the unsubscribe confirmation by SMS: ${(error as Error).message}`);
    }
  }

  private confirmDrafts(request: RemoteRequest, evidence: EventDraft['evidence'], by: string, occurredAt: string, source: string): EventDraft[] {
    const record = this.deps.ledger.get(request.contactId);
    const now = this.deps.now().getTime();
    const open = request.purposes.filter((p) => refreshForTime(record.derived[p], now, null).state === 'pending');
    if (open.length === 0) throw new AppError('request_lapsed', 'This request has expired; send a new one.', 'requestId');
    return open.map((purpose) => ({
      type: 'confirmed',
      purpose,
      method: request.channel === 'sms' ? 'sms_double_opt_in' : 'email_link',
      source,
      textShown: request.text,
      textVersion: request.textVersion,
      locale: request.locale,
      evidence,
      recordedBy: by,
      occurredAt,
    }));
  }

  private twilio(config: TwilioConfig): TwilioClient {
    return new TwilioClient(config, this.deps.fetch ?? fetch);
  }

  private phoneOf(input: RequestInput): string {
    if (input.contactId) return this.deps.ledger.get(input.contactId).phone;
    const result = normalizePhone(input.phone ?? '', input.country ?? this.shop().country);
    if (!result.ok) throw new AppError('invalid_argument', 'Enter the customer’s mobile number (it is also their WhatsApp number).', 'phone');
    return result.phone.e164;
  }

  private emailOf(input: RequestInput): string {
    const email = input.email?.trim() ?? '';
    if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) throw new AppError('invalid_argument', 'Enter the customer’s email address.', 'email');
    return email;
  }

  private shop() {
    const shop = this.deps.shop();
    if (!shop) throw new AppError('profile_missing', 'Save the business profile (name and WhatsApp number) first.');
    return shop;
  }
}
