import type { TemplateShape } from '../../../shared/domain/templates/render';
import { renderSent } from '../../../shared/domain/templates/sent-values';
import type { InboundMessages, InboundRecord } from '../inbox/inbound-messages';
import type { Outbox, OutboxItem } from '../outbox';

/** A template as the customer read it. */
export type RenderedTemplate = ReturnType<typeof renderSent>;

/** One line of a conversation, either way, with the time it is ordered by. */
export type ConversationLine =
  | { direction: 'outbound'; at: number; item: OutboxItem; rendered?: RenderedTemplate }
  | { direction: 'inbound'; at: number; message: InboundRecord };

/** Where a conversation comes from. */
export interface ConversationSources {
  outbox: Pick<Outbox, 'list'>;
  inbound: Pick<InboundMessages, 'forContact'>;
  templates: { find(name: string, language: string): TemplateShape | undefined };
}

/**
 * The contact's latest `limit` messages both ways, oldest first. Templates are rendered from the synced catalogue
 * with the values that were sent, so the text is what the customer read unless the template was edited since;
 * a template no longer synced keeps only its name.
 */
export function conversation(sources: ConversationSources, contactId: string, limit = 200): ConversationLine[] {
  const shapes = new Map<string, TemplateShape | undefined>();
  const shape = (name: string, language: string) => {
    const key = `${name}\u0000${language}`;
    if (!shapes.has(key)) shapes.set(key, sources.templates.find(name, language));
    return shapes.get(key);
  };
  const lines: ConversationLine[] = [];
  for (const item of sources.outbox.list({ contactId, limit })) {
    const template = item.template ? shape(item.template.name, item.template.language) : undefined;
    const rendered = template && item.template ? renderSent(template, item.template.components ?? []) : undefined;
    lines.push({ direction: 'outbound', at: item.createdAt, item, ...(rendered ? { rendered } : {}) });
  }
  for (const message of sources.inbound.forContact(contactId, limit)) lines.push({ direction: 'inbound', at: message.at, message });
  // Ties (same millisecond) keep the customer's message first: the shop's reply is the answer to it.
  lines.sort((a, b) => a.at - b.at || (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1));
  return lines.slice(-limit);
}
