import type { ConsentPurpose } from '../../../shared/domain/consent/event';
import { USER_PREFERENCES_SOURCE, sandboxSource } from '../../../shared/domain/consent/event';
import { classifyKeyword, parseJoinCode, type ExtraKeywords } from '../../../shared/domain/consent/keywords';
import { findRefCode } from '../../../shared/domain/entry-points/ref-code';
import { keywordPlan } from '../../../shared/domain/send-policy/keyword-policy';
import type { ConsentLedger, EventDraft } from '../consent/ledger';
import type { ContactRecord } from '../consent/contact-record';
import type { EntryPointsService } from '../entry-points-service';
import type { InboundMessages } from './inbound-messages';
import type { InboundEvent, StatusEvent, UserPreferenceEvent, WebhookEvent } from '../webhook/events';

/** What the inbox asks of the sending side: replies inside the window, and status updates for the outbox. */
export interface InboxMessenger {
  /** Queues a free-form reply (the customer just wrote, so the window is open). */
  reply(contact: ContactRecord, kind: 'unsubscribe_ack' | 'help', purposes: ConsentPurpose[]): Promise<void>;
  applyStatus(event: StatusEvent): Promise<void>;
}

/** Dependencies of the inbox. */
export interface InboxDeps {
  ledger: ConsentLedger;
  entryPoints: EntryPointsService;
  messenger: InboxMessenger;
  /** Owner-added localised keywords. */
  keywords: () => ExtraKeywords;
  /** JOIN codes of the shop's opt-in widgets → what they confirm (the remote opt-in issue fills this in). */
  joinCodes?: (code: string) => { method: 'web_widget' | 'web_popup' | 'in_app_toggle'; purposes: ConsentPurpose[]; source: string; textShown?: string; textVersion?: number; locale?: string } | undefined;
  onChange?: (domain: 'contacts' | 'entryPoints' | 'outbox') => void;
  /** Where customer messages are kept for the contact's conversation. */
  messages: InboundMessages;
  /** Keys of customer messages already handled, kept on disk: Meta retries for days, across restarts of the app. */
  seen?: { has(key: string): boolean; add(key: string): Promise<void> };
}

const PURPOSES: ConsentPurpose[] = ['marketing', 'utility'];

/**
 * What a message simulated in the sandbox may do: its events are marked by a `sandbox:` source (they count in sandbox
 * mode only, see connection/sandbox-consent.ts), and its opt-ins skip every purpose a revocation closed — a
 * simulation never reopens what consent:toggle would refuse to reopen either.
 */
function sandboxRules(event: { sandbox?: true }, record: ContactRecord) {
  const sandbox = event.sandbox === true;
  return {
    source: (real: string): string => (sandbox ? sandboxSource(real) : real),
    mayConfirm: (purpose: ConsentPurpose) => !sandbox || record.derived[purpose].state !== 'opted_out',
  };
}

/**
 * Turns what Meta tells us into the shop's records: inbound messages are kept for the conversation, open the 24 h
 * window, credit the entry point whose ref they carry and act on keywords (the customer's own message is the
 * evidence); statuses go to the outbox; WhatsApp's own "stop marketing" becomes a revocation. Duplicates never reach
 * here (the receiver dedupes).
 */
export class InboxService {
  constructor(private readonly deps: InboxDeps) {}

  /** Customer messages kept so far, for conversations. */
  get messages(): InboundMessages {
    return this.deps.messages;
  }

  async handle(events: WebhookEvent[]): Promise<void> {
    for (const event of events) {
      if (event.kind === 'status') {
        // Statuses are idempotent by themselves (they only move items forward).
        await this.deps.messenger.applyStatus(event);
        continue;
      }
      if (event.kind !== 'inbound' && event.kind !== 'user_preference') continue;
      if (this.deps.seen?.has(event.key)) continue;
      if (event.kind === 'inbound') await this.inbound(event);
      else await this.userPreference(event);
      await this.deps.seen?.add(event.key);
    }
  }

  private async inbound(event: InboundEvent): Promise<void> {
    const { ledger } = this.deps;
    const phone = `+${event.from}`;
    const at = new Date(event.timestampMs);
    let { record } = await ledger.ensureContact({ phone, nameIfNew: event.profileName ?? '' });
    record = await ledger.touchInbound(record.id, at);
    await this.deps.messages.add(record.id, event);
    const body = event.text ?? event.button?.text ?? event.reply?.title ?? '';
    const ref = body ? findRefCode(body, this.deps.entryPoints.refCodes()) : undefined;
    if (ref) {
      await this.deps.entryPoints.recordChat(ref, at);
      this.deps.onChange?.('entryPoints');
    }
    await this.keyword(record, event, body);
    this.deps.onChange?.('contacts');
  }

  private async keyword(record: ContactRecord, event: InboundEvent, body: string): Promise<void> {
    const viaButton = event.button !== undefined || event.reply !== undefined;
    const said = event.button?.payload ?? event.reply?.id ?? body;
    const evidence = { inboundMessageId: event.messageId, inboundBody: body || said };
    const base = {
      recordedBy: 'system',
      occurredAt: new Date(event.timestampMs).toISOString(),
    };
    const made = sandboxRules(event, record);
    const join = parseJoinCode(body);
    const widget = join ? this.deps.joinCodes?.(join.toUpperCase()) : undefined;
    if (join && widget) {
      const drafts: EventDraft[] = widget.purposes.filter(made.mayConfirm).map((purpose) => ({
        ...base,
        type: 'confirmed',
        purpose,
        method: widget.method,
        source: made.source(widget.source),
        ...(widget.textShown ? { textShown: widget.textShown } : {}),
        ...(widget.textVersion ? { textVersion: widget.textVersion } : {}),
        ...(widget.locale ? { locale: widget.locale } : {}),
        evidence: { ...evidence, widgetCode: join.toUpperCase(), keyword: 'JOIN' },
      }));
      // A recorded JOIN is answered by the welcome every confirmation queues; one that records nothing (a simulated
      // JOIN cannot reopen a STOP) still gets an answer: the program information.
      if (drafts.length > 0) await this.deps.ledger.record(record.id, drafts);
      else await this.deps.messenger.reply(record, 'help', PURPOSES);
      return;
    }
    if (join) {
      // Every JOIN is answered: one whose code matches no widget (mistyped, or from a page since removed) records
      // nothing, since we cannot say what the customer was shown, and gets the program information (how to join)
      // instead of silence. A recorded JOIN is answered by the welcome that every confirmation queues.
      await this.deps.messenger.reply(record, 'help', PURPOSES);
      return;
    }
    const intent = classifyKeyword(said, this.deps.keywords()) ?? (viaButton ? classifyKeyword(body, this.deps.keywords()) : null);
    if (intent === 'stop') {
      const plan = keywordPlan('stop', record.derived);
      const purposes = plan.revoke;
      const drafts: EventDraft[] = purposes.map((purpose) => ({
        ...base,
        type: 'revoked',
        purpose,
        method: viaButton ? 'whatsapp_button' : 'whatsapp_keyword',
        source: made.source('whatsapp'),
        evidence: { ...evidence, keyword: said.trim().slice(0, 40) || 'STOP' },
      }));
      const written = await this.deps.ledger.record(record.id, drafts);
      // Only the first STOP gets the confirmation: a repeated STOP must not start a conversation.
      if (plan.reply === 'unsubscribe_ack') await this.deps.messenger.reply(written.record, 'unsubscribe_ack', purposes);
    } else if (intent === 'start') {
      const purposes = this.startPurposes(record).filter(made.mayConfirm);
      const drafts: EventDraft[] = purposes.map((purpose) => ({
        ...base,
        type: 'confirmed',
        purpose,
        method: viaButton ? 'whatsapp_button' : 'whatsapp_keyword',
        source: made.source('whatsapp'),
        evidence: { ...evidence, keyword: said.trim().slice(0, 40) },
      }));
      if (drafts.length > 0) await this.deps.ledger.record(record.id, drafts);
    } else if (intent === 'help') {
      await this.deps.messenger.reply(record, 'help', PURPOSES);
    }
  }

  /** What YES/START confirms: the send policy's keyword plan, the same on WhatsApp and SMS. */
  private startPurposes(record: ContactRecord): ConsentPurpose[] {
    return keywordPlan('start', record.derived).confirm;
  }

  private async userPreference(event: UserPreferenceEvent): Promise<void> {
    if (event.value !== 'stop') return;
    const { record } = await this.deps.ledger.ensureContact({ phone: `+${event.waId}`, nameIfNew: '' });
    if (record.derived.marketing.state === 'opted_out') return;
    await this.deps.ledger.record(record.id, [
      {
        type: 'revoked',
        purpose: 'marketing',
        method: 'whatsapp_button',
        source: event.sandbox ? sandboxSource(USER_PREFERENCES_SOURCE) : USER_PREFERENCES_SOURCE,
        evidence: { inboundBody: `user_preferences: ${event.category} ${event.value}`, ...(event.detail ? { note: event.detail } : {}) },
        recordedBy: 'system',
        occurredAt: new Date(event.timestampMs).toISOString(),
      },
    ]);
    this.deps.onChange?.('contacts');
  }
}
