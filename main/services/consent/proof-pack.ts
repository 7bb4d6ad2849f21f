import type { Contact } from '../../../shared/contract/contacts';
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import { eventHashInput, type ChainAnchor } from '../../../shared/domain/consent/hash-chain';
import { deriveConsent } from '../../../shared/domain/consent/state';
import { escapeHtml } from '../../../shared/domain/entry-points/html';
import type { ConversationLine } from '../messaging/conversation';
import type { AnchorEntry } from './anchors-log';

/** One message of the contact's conversation, as the proof pack lists it (what was sent under the consent). */
export type ProofPackMessage =
  | {
      direction: 'outbound';
      id: string;
      at: string;
      state: string;
      origin: string;
      kind: 'template' | 'text';
      purpose?: string;
      template?: { name: string; language: string; category: string };
      text?: string;
      wamid?: string;
    }
  | { direction: 'inbound'; id: string; at: string; type: string; text: string };

/** The app's anchor line this pack was exported with: the whole shop's chains, pinned by one hash. */
export type ProofPackShopAnchor = Omit<AnchorEntry, 'heads'>;

/**
 * How a third party verifies a pack with nothing but this JSON and a SHA-256 tool (also in the README). Written
 * into every pack, so the instructions travel with the evidence.
 */
export const PROOF_PACK_VERIFY_STEPS = [
  'Each event: SHA-256 of hashInputs[i] (UTF-8, no trailing newline) must equal events[i].hash. hashInputs[i] is events[i].prevHash followed by the event as JSON without its "hash" member, keys sorted at every level, no spaces.',
  'Chain: events[0].prevHash is 64 zeros; every later events[i].prevHash equals events[i-1].hash. A mismatch means an event was changed, removed, inserted or moved.',
  'Anchor: events has anchor.eventCount events and the last one\'s hash equals anchor.headHash.',
  'Against an earlier pack or backup of the same contact (keep them): this pack must contain at least the earlier anchor.eventCount events, and event number anchor.eventCount must have the earlier anchor.headHash. Fewer events means the newest were dropped; another hash means the chain was rewritten and re-sealed.',
  'The shop anchor (shopAnchor.root) is SHA-256 over "contactId eventCount headHash\\n" lines of every contact, sorted; shopAnchor.hash chains the app\'s anchors log (consent-anchors.jsonl in the data folder and in every backup): SHA-256 of shopAnchor.prevHash followed by the anchor line as sorted compact JSON without "hash". Compare the seq, root and hash with the same line in a later anchors log or backup.',
];

/** Everything that proves one contact's consent: who, every event with its evidence and text, the chain verdict. */
export interface ProofPack {
  format: 'outreach-desk-proof-pack';
  version: 2;
  generatedAt: string;
  business: { name: string; phone: string };
  contact: Contact;
  chain: { ok: boolean; message?: string; algorithm: 'SHA-256 over prevHash + canonical JSON' };
  /** Where this contact's chain stood when the pack was made. */
  anchor: ChainAnchor & { contactId: string };
  /** The anchors-log line written for this export (undefined only if it could not be written). */
  shopAnchor?: ProofPackShopAnchor;
  events: ConsentEvent[];
  /**
   * The consent state of the event's purpose right after each event (same order). A confirmation that does not
   * reopen a STOP (an import, a staff say-so) reads "confirmed" but leaves "opted_out": this says so.
   */
  stateAfter: string[];
  /** The exact text hashed for each event (same order), so a SHA-256 tool alone can check every hash. */
  hashInputs: string[];
  messages: ProofPackMessage[];
  verify: readonly string[];
}

/** What the handler gathers for a pack. */
export interface ProofPackInput {
  generatedAt: string;
  business: { name: string; phone: string };
  contact: Contact;
  chain: { ok: boolean; message?: string };
  anchor: ChainAnchor;
  shopAnchor?: AnchorEntry;
  events: ConsentEvent[];
  conversation: readonly ConversationLine[];
}

/** The conversation as the pack lists it: the shop's messages with their delivery state, the customer's replies. */
export function proofPackMessages(lines: readonly ConversationLine[]): ProofPackMessage[] {
  return lines.map((line): ProofPackMessage => {
    const at = new Date(line.at).toISOString();
    if (line.direction === 'inbound') {
      const { id, type, text } = line.message;
      return { direction: 'inbound', id, at, type, text };
    }
    const { item, rendered } = line;
    const text = item.text ?? (rendered ? [rendered.header, rendered.body, rendered.footer].filter(Boolean).join('\n') : undefined);
    return {
      direction: 'outbound',
      id: item.id,
      at,
      state: item.state,
      origin: item.origin,
      kind: item.kind,
      ...(item.purpose ? { purpose: item.purpose } : {}),
      ...(item.template ? { template: { name: item.template.name, language: item.template.language, category: item.template.category } } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(item.wamid ? { wamid: item.wamid } : {}),
    };
  });
}

/** Each event's purpose's state once that event (and every earlier one) is applied, by the one derivation rule. */
export function statesAfter(events: readonly ConsentEvent[], now: string): string[] {
  return events.map((event, i) => deriveConsent(events.slice(0, i + 1), { now })[event.purpose].state);
}

/** Builds the JSON proof pack. */
export function buildProofPack(input: ProofPackInput): ProofPack {
  const { heads: _heads, ...shopAnchor } = input.shopAnchor ?? { heads: [] };
  return {
    format: 'outreach-desk-proof-pack',
    version: 2,
    generatedAt: input.generatedAt,
    business: input.business,
    contact: input.contact,
    chain: { ...input.chain, algorithm: 'SHA-256 over prevHash + canonical JSON' },
    anchor: { contactId: input.contact.id, ...input.anchor },
    ...(input.shopAnchor ? { shopAnchor: shopAnchor as ProofPackShopAnchor } : {}),
    events: input.events,
    stateAfter: statesAfter(input.events, input.generatedAt),
    hashInputs: input.events.map(eventHashInput),
    messages: proofPackMessages(input.conversation),
    verify: PROOF_PACK_VERIFY_STEPS,
  };
}

const row = (label: string, value: string | number | undefined) =>
  value === undefined || value === '' ? '' : `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(String(value))}</td></tr>`;

/** A printable (A4) HTML document of a proof pack; printed to PDF through the same path as posters. */
export function proofPackHtml(pack: ProofPack): string {
  const events = pack.events
    .map(
      (e, i) => `<section class="event"><h3>${i + 1}. ${escapeHtml(e.type)} — ${escapeHtml(e.purpose)}${
        e.type === 'confirmed' && pack.stateAfter[i] !== 'opted_in' ? ` (not applied: still ${escapeHtml(pack.stateAfter[i] ?? '')})` : ''
      }</h3><table>
${row('State after', pack.stateAfter[i])}
${row('Occurred', e.occurredAt)}${row('Recorded', e.recordedAt)}${row('Method', e.method)}${row('Source', e.source)}
${row('Recorded by', e.recordedBy)}${row('Text shown', e.textShown)}${row('Text version', e.textVersion)}${row('Text SHA-256', e.textHash)}
${row('Language', e.locale)}${Object.entries(e.evidence)
        .map(([k, v]) => row(`Evidence: ${k}`, String(v)))
        .join('')}${row('Event id', e.id)}${row('Hash', e.hash)}${row('Previous hash', e.prevHash)}
</table></section>`,
    )
    .join('\n');
  const messages = pack.messages.length
    ? `<table><tr><th scope="col">When</th><th scope="col">Direction</th><th scope="col">Message</th><th scope="col">State</th></tr>${pack.messages
        .map((m) => {
          const what = m.direction === 'inbound' ? m.text : (m.text ?? m.template?.name ?? '');
          const state = m.direction === 'inbound' ? '' : `${m.state} (${m.origin})`;
          return `<tr><td>${escapeHtml(m.at)}</td><td>${m.direction === 'inbound' ? 'From customer' : 'To customer'}</td><td>${escapeHtml(what)}</td><td>${escapeHtml(state)}</td></tr>`;
        })
        .join('')}</table>`
    : '';
  const c = pack.contact;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consent proof — ${escapeHtml(c.phoneDisplay)}</title>
<style>@page{size:A4;margin:16mm}body{font:11pt system-ui,sans-serif;color:#111}h1{font-size:18pt}h2{font-size:14pt;margin-top:1.2em}
h3{font-size:11pt;margin:1em 0 .3em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;font-size:9.5pt;word-break:break-word}
th{width:28%;background:#f3f3f3}.ok{color:#0a5c2f;font-weight:700}.bad{color:#a4161a;font-weight:700}.event{break-inside:avoid}</style></head><body>
<h1>Consent proof pack</h1>
<p>${escapeHtml(pack.business.name)} (${escapeHtml(pack.business.phone)}) — generated ${escapeHtml(pack.generatedAt)}</p>
<h2>Contact</h2><table>${row('Name', c.name)}${row('WhatsApp number', c.phoneDisplay)}${row('Contact id', c.id)}
${row('Marketing', c.consent.marketing.state)}${row('Utility', c.consent.utility.state)}</table>
<h2>Integrity</h2><p class="${pack.chain.ok ? 'ok' : 'bad'}">${
    pack.chain.ok
      ? `Hash chain verified: ${pack.events.length} events, none altered, removed or reordered.`
      : `Hash chain BROKEN: ${escapeHtml(pack.chain.message ?? 'tampering detected')}`
  }</p>
<p>Anchor: ${pack.anchor.eventCount} events, newest hash ${escapeHtml(pack.anchor.headHash)}${
    pack.shopAnchor ? ` — shop anchor ${pack.shopAnchor.seq} of ${escapeHtml(pack.shopAnchor.at)}, root ${escapeHtml(pack.shopAnchor.root)}` : ''
  }</p>
<h2>Events</h2>${events || '<p>No consent events.</p>'}
<h2>Messages</h2>${messages || '<p>No messages.</p>'}
<h2>How to verify</h2><ol>${pack.verify.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>
</body></html>`;
}
