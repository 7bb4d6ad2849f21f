import { missingSlots, slotKey } from '../../shared/domain/templates/render';
import type { ConversationEntry, Message, TemplateView } from '../../shared/contract/messages';
import type { Handlers } from '../dispatch';
import { AppError } from '../services/app-error';
import type { AppServices } from '../services/app-services';
import type { CloudTemplate } from '../services/cloud/schemas';
import { conversation, type ConversationLine } from '../services/messaging/conversation';
import { checkSend, refusalError } from '../services/messaging/send-check';
import { freeFormOpenUntil } from '../../shared/domain/send-policy/window';
import { ownerOutboxCall, type OutboxItem } from '../services/outbox';

type MessageChannels =
  | 'templates:list'
  | 'templates:sync'
  | 'messages:sendTemplate'
  | 'messages:reply'
  | 'messages:forContact'
  | 'messages:check'
  | 'outbox:status'
  | 'outbox:resend'
  | 'outbox:drop';

/** An outbox item for the UI (no internal bookkeeping). */
export function messageView(item: OutboxItem): Message {
  return {
    id: item.id,
    contactId: item.contactId,
    to: item.to,
    kind: item.kind,
    ...(item.template ? { templateName: item.template.name } : {}),
    ...(item.text ? { text: item.text } : {}),
    origin: item.origin,
    ...(item.campaignId ? { campaignId: item.campaignId } : {}),
    state: item.state,
    ...(item.error ? { error: { ...(item.error.code !== undefined ? { code: item.error.code } : {}), message: item.error.message } } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** A conversation line for the UI. */
function entryView(line: ConversationLine): ConversationEntry {
  if (line.direction === 'inbound') {
    const { id, contactId, type, text, at } = line.message;
    return { direction: 'inbound', id, contactId, type, text, createdAt: at };
  }
  return { direction: 'outbound', ...messageView(line.item), ...(line.rendered ? { rendered: line.rendered } : {}) };
}

function templateView(t: CloudTemplate): TemplateView {
  return {
    name: t.name,
    language: t.language,
    status: t.status,
    category: t.category ?? 'UTILITY',
    parameterFormat: t.parameter_format ?? 'POSITIONAL',
    components: (t.components ?? []).map((c) => ({
      type: c.type,
      ...(c.format ? { format: c.format } : {}),
      ...(c.text ? { text: c.text } : {}),
    })),
  };
}

/** Templates, notifications, replies and outbox channels. */
export function messageHandlers(services: AppServices): Pick<Handlers, MessageChannels> {
  const { messaging, templates, ledger, inbox } = services;
  return {
    'templates:list': () => {
      const { syncedAt, templates: list } = templates.list();
      return { syncedAt, templates: list.map(templateView) };
    },
    'templates:sync': async () => {
      const { syncedAt, templates: list } = await templates.sync(services.runtime.client());
      return { syncedAt, templates: list.map(templateView) };
    },
    'messages:sendTemplate': async ({ contactId, name, language, values }) => {
      const template = templates.find(name, language);
      if (template) {
        const missing = missingSlots(template, values);
        if (missing.length > 0) {
          throw new AppError('invalid_argument', `Fill in every value of the template (missing {{${missing[0]!.key}}}).`, `values.${slotKey(missing[0]!)}`);
        }
      }
      const item = await messaging.sendTemplate({ contactId, name, language, values });
      return messageView(item);
    },
    'messages:reply': async ({ contactId, text }) => {
      const decision = checkSend({ ledger, templates, now: services.deps.now }, contactId, { kind: 'text' });
      if (!decision.ok) throw refusalError(decision);
      return messageView(await messaging.sendText(contactId, text));
    },
    'messages:check': ({ contactId, kind, name, language }) => {
      if (kind === 'template' && (!name || !language)) throw new AppError('invalid_argument', 'Choose a template.', 'name');
      return checkSend({ ledger, templates, now: services.deps.now }, contactId, kind === 'template' ? { kind, name: name!, language: language! } : { kind });
    },
    'messages:forContact': ({ contactId }) => {
      const record = ledger.get(contactId);
      // Free-form replies: the window the customer's latest message opened, unless that message was a STOP.
      const until = freeFormOpenUntil(record, services.deps.now().getTime());
      return {
        messages: conversation({ outbox: messaging.outbox, inbound: inbox.messages, templates }, contactId).map(entryView),
        windowOpenUntil: until !== undefined ? new Date(until).toISOString() : null,
      };
    },
    'outbox:status': () => {
      const status = messaging.outbox.status();
      return {
        paused: status.paused ? status.paused.reason.message : null,
        offline: status.offline !== undefined,
        counts: messaging.outbox.counts().byState as Record<string, number>,
        unknown: messaging.outbox.listUnknown().map(messageView),
      };
    },
    'outbox:resend': ({ id, confirmUnknown }) => ownerOutboxCall(async () => messageView(await messaging.outbox.resend(id, { confirmUnknown }))),
    'outbox:drop': ({ id }) => ownerOutboxCall(async () => messageView(await messaging.outbox.drop(id))),
  };
}
