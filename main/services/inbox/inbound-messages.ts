import { z } from 'zod';
import type { CollectionStore, DataStore } from '../store';
import type { InboundEvent } from '../webhook/events';

/** A customer message as the conversation keeps it: small, one per WhatsApp message id. */
export interface InboundRecord {
  /** The WhatsApp message id (wamid): Meta's retries carry the same one. */
  id: string;
  contactId: string;
  /** When the customer sent it (Meta's timestamp, placed inside its second by our receipt time), ms. */
  at: number;
  /** WhatsApp's message type: text, button, interactive, image, … */
  type: string;
  /** What they wrote or tapped; for media, its caption or "[image]"-style label. */
  text: string;
}

const COLLECTION = 'inbound-messages';
/** WhatsApp's own limit on a text message; anything longer is not a real message. */
const MAX_TEXT = 4096;
/** The words a media message or a reaction may carry (Meta's payload is loose: read only these). */
const extraSchema = z.looseObject({ caption: z.string().optional(), emoji: z.string().optional() });

/** The text a message shows in the conversation: body, button text, reply title, caption, emoji or a type label. */
export function inboundText(event: InboundEvent): string {
  const said = event.text ?? event.button?.text ?? event.reply?.title;
  if (said !== undefined) return said.slice(0, MAX_TEXT);
  const extra = extraSchema.safeParse((event.raw as Record<string, unknown>)[event.type]);
  const words = extra.success ? (extra.data.caption ?? extra.data.emoji ?? '').trim() : '';
  return words ? words.slice(0, MAX_TEXT) : `[${event.type}]`;
}

/**
 * When the customer sent it, to the millisecond as far as we can tell. Meta's timestamp has whole seconds, so a reply
 * and our answer in the same second would sort at random; our receipt time places it inside that second, and is
 * ignored when it falls outside it (a retry hours later, or clocks that disagree).
 */
function sentAt(event: InboundEvent): number {
  return Math.min(Math.max(event.receivedAt, event.timestampMs), event.timestampMs + 999);
}

/**
 * Customer messages, durably kept for the contact's conversation. Stored by message id, so a webhook Meta retries
 * (even after the webhook-seen keys expired or the app crashed between steps) is kept once. An in-memory index by
 * contact keeps a conversation lookup independent of how many contacts and messages the shop has.
 */
export class InboundMessages {
  /** Per contact, its messages' ids and times, oldest first. */
  private readonly byContact = new Map<string, { id: string; at: number }[]>();

  private constructor(private readonly records: CollectionStore<InboundRecord>) {
    for (const record of records.values()) this.index(record);
  }

  static async open(store: DataStore): Promise<InboundMessages> {
    return new InboundMessages(await store.collection<InboundRecord>(COLLECTION));
  }

  /** Keeps one customer message; false when that message id is already kept. Resolves once it is on disk. */
  async add(contactId: string, event: InboundEvent): Promise<boolean> {
    if (this.records.has(event.messageId)) return false;
    const record: InboundRecord = { id: event.messageId, contactId, at: sentAt(event), type: event.type, text: inboundText(event) };
    // Indexed before the write, so a retry of the same message arriving while it is written stops here.
    if (!this.index(record)) return false;
    try {
      await this.records.upsert(record);
    } catch (error) {
      this.unindex(record);
      throw error;
    }
    return true;
  }

  /** The contact's latest messages (at most `limit`), oldest first. */
  forContact(contactId: string, limit = 200): InboundRecord[] {
    const entries = this.byContact.get(contactId) ?? [];
    const out: InboundRecord[] = [];
    for (const { id } of entries.slice(-limit)) {
      const record = this.records.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  /** Adds the record to its contact's list in time order; false when it is already there. */
  private index(record: InboundRecord): boolean {
    let entries = this.byContact.get(record.contactId);
    if (!entries) {
      entries = [];
      this.byContact.set(record.contactId, entries);
    }
    if (entries.some((entry) => entry.id === record.id)) return false;
    // Messages nearly always arrive in order; walk back from the end for the ones Meta delivers late.
    let at = entries.length;
    while (at > 0 && entries[at - 1]!.at > record.at) at--;
    entries.splice(at, 0, { id: record.id, at: record.at });
    return true;
  }

  private unindex(record: InboundRecord): void {
    const entries = this.byContact.get(record.contactId);
    const at = entries?.findIndex((entry) => entry.id === record.id) ?? -1;
    if (at >= 0) entries!.splice(at, 1);
  }
}
