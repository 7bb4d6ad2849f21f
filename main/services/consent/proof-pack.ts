import type { Contact } from '../../../shared/contract/contacts';
import type { ConsentEvent } from '../../../shared/domain/consent/event';
import { escapeHtml } from '../../../shared/domain/entry-points/html';

/** Everything that proves one contact's consent: who, every event with its evidence and text, the chain verdict. */
export interface ProofPack {
  format: 'outreach-desk-proof-pack';
  version: 1;
  generatedAt: string;
  business: { name: string; phone: string };
  contact: Contact;
  chain: { ok: boolean; message?: string; algorithm: 'SHA-256 over prevHash + canonical JSON' };
  events: ConsentEvent[];
  messages: unknown[];
}

/** Builds the JSON proof pack. */
export function buildProofPack(input: Omit<ProofPack, 'format' | 'version' | 'chain'> & { chain: { ok: boolean; message?: string } }): ProofPack {
  return {
    format: 'outreach-desk-proof-pack',
    version: 1,
    ...input,
    chain: { ...input.chain, algorithm: 'SHA-256 over prevHash + canonical JSON' },
  };
}

const row = (label: string, value: string | number | undefined) =>
  value === undefined || value === '' ? '' : `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(String(value))}</td></tr>`;

/** A printable (A4) HTML document of a proof pack; printed to PDF through the same path as posters. */
export function proofPackHtml(pack: ProofPack): string {
  const events = pack.events
    .map(
      (e, i) => `<section class="event"><h3>${i + 1}. ${escapeHtml(e.type)} — ${escapeHtml(e.purpose)}</h3><table>
${row('Occurred', e.occurredAt)}${row('Recorded', e.recordedAt)}${row('Method', e.method)}${row('Source', e.source)}
${row('Recorded by', e.recordedBy)}${row('Text shown', e.textShown)}${row('Text version', e.textVersion)}${row('Text SHA-256', e.textHash)}
${row('Language', e.locale)}${Object.entries(e.evidence)
        .map(([k, v]) => row(`Evidence: ${k}`, String(v)))
        .join('')}${row('Event id', e.id)}${row('Hash', e.hash)}${row('Previous hash', e.prevHash)}
</table></section>`,
    )
    .join('\n');
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
<h2>Events</h2>${events || '<p>No consent events.</p>'}
</body></html>`;
}
