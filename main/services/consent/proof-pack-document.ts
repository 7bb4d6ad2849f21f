import { escapeHtml } from '../../../shared/domain/entry-points/html';
import type { ProofPack } from './proof-pack';
import { proofWords, type ProofWords } from './proof-pack-words';

/** Who reads the printed pack: the shop's language and time zone (the PC's, by default). */
export interface ProofDocumentOptions {
  locale?: string;
  timeZone?: string;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** Local date and time with the zone's name, e.g. "1 June 2025 at 12:00:00 CEST"; the ISO time if the value is not a date. */
function timeFormatter(locale: string, timeZone: string | undefined): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  } catch {
    format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' });
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

const row = (label: string, value: string | number | undefined, cls = '') =>
  value === undefined || value === '' ? '' : `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(String(value))}</td></tr>`;

function eventSection(pack: ProofPack, index: number, w: ProofWords, when: (iso: string) => string): string {
  const e = pack.events[index]!;
  const evidence = Object.entries(e.evidence)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
  // The statement is the evidence itself: printed exactly, never translated or reflowed.
  const statement = e.textShown
    ? `<tr><th scope="row">${escapeHtml(w.statement)}</th><td><blockquote class="statement" lang="${escapeHtml(e.locale ?? '')}">${escapeHtml(e.textShown)}</blockquote>` +
      `<p class="small">${escapeHtml(fill(w.statementNote, { version: String(e.textVersion ?? '—'), lang: e.locale ?? '—' }))}</p></td></tr>`
    : '';
  const after = pack.stateAfter[index];
  const afterWords = after ? (w.states[after as keyof ProofWords['states']] ?? after) : undefined;
  const notApplied = e.type === 'confirmed' && after !== undefined && after !== 'opted_in' ? ` (${fill(w.notApplied, { state: afterWords ?? '' })})` : '';
  return `<section class="event"><h3>${index + 1}. ${escapeHtml(w.types[e.type])} — ${escapeHtml(w.purposes[e.purpose])}${escapeHtml(notApplied)}</h3>
<p>${escapeHtml(w.explain[e.type])}</p><table>
${row(w.stateAfter, afterWords)}${row(w.occurred, when(e.occurredAt))}${row(w.how, w.methods[e.method] ?? e.method)}${row(w.source, e.source)}${row(w.by, e.recordedBy)}${statement}
${row(w.evidence, evidence)}${row(w.recorded, when(e.recordedAt))}
${row(w.technical, `${e.type} · ${e.method} · id ${e.id} · SHA-256 ${e.hash}`, 'tech')}
</table></section>`;
}

/**
 * The proof pack as a document a customer or a regulator can read, in the shop's language: plain words for what
 * happened and how, local times with the zone, page numbers, an explanation of each event and of how to verify the
 * record. Codes and hashes stay as a small technical reference; the JSON export carries everything for tools.
 */
export function proofPackDocument(pack: ProofPack, options: ProofDocumentOptions = {}): string {
  const w = proofWords(options.locale);
  const lang = (options.locale ?? 'en').slice(0, 2);
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = timeFormatter(options.locale ?? 'en', timeZone);
  const c = pack.contact;
  const state = (s: keyof ProofWords['states']) => w.states[s] ?? s;
  const events = pack.events.map((_, i) => eventSection(pack, i, w, when)).join('\n');
  const messages = pack.messages.length
    ? `<table><tr><th scope="col">${escapeHtml(w.when)}</th><th scope="col">${escapeHtml(w.direction)}</th><th scope="col">${escapeHtml(w.message)}</th><th scope="col">${escapeHtml(w.status)}</th></tr>${pack.messages
        .map((m) => {
          const what = m.direction === 'inbound' ? m.text : (m.text ?? m.template?.name ?? '');
          const status = m.direction === 'inbound' ? '' : m.state;
          return `<tr><td>${escapeHtml(when(m.at))}</td><td>${escapeHtml(m.direction === 'inbound' ? w.fromCustomer : w.toCustomer)}</td><td>${escapeHtml(what)}</td><td>${escapeHtml(status)}</td></tr>`;
        })
        .join('')}</table>`
    : `<p>${escapeHtml(w.noMessages)}</p>`;
  // Page numbers in the page's margin box (Chromium 131+, Electron 34+): "Page 2 of 5" on every sheet.
  const pageLabel = `"${w.page.replace(/"/g, '')} " counter(page) " ${w.of.replace(/"/g, '')} " counter(pages)`;
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(w.title)} — ${escapeHtml(c.phoneDisplay)}</title>
<style>@page{size:A4;margin:16mm 16mm 20mm;@bottom-center{content:${pageLabel};font:9pt system-ui,sans-serif;color:#444}}
body{font:11pt system-ui,"Segoe UI",Roboto,"Noto Sans","Noto Sans Devanagari","Nirmala UI",sans-serif;color:#111;line-height:1.4}h1{font-size:18pt}h2{font-size:14pt;margin-top:1.2em}
h3{font-size:11.5pt;margin:1em 0 .3em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;font-size:10pt;overflow-wrap:anywhere}
th{width:28%;background:#f3f3f3}.ok{color:#0a5c2f;font-weight:700}.bad{color:#a4161a;font-weight:700}.event{break-inside:avoid}
.statement{margin:0;white-space:pre-wrap;font-style:normal}.small,.tech td,.tech th{font-size:8pt;color:#555}</style></head><body>
<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.intro)}</p>
<p><strong>${escapeHtml(pack.business.name)}</strong> (${escapeHtml(pack.business.phone)}) — ${escapeHtml(w.generated)} ${escapeHtml(when(pack.generatedAt))}. ${escapeHtml(fill(w.timeZone, { zone: timeZone }))}</p>
<h2>${escapeHtml(w.contact)}</h2><table>${row(w.name, c.name)}${row(w.number, c.phoneDisplay)}
${row(`${w.current}: ${w.purposes.marketing}`, state(c.consent.marketing.state))}${row(`${w.current}: ${w.purposes.utility}`, state(c.consent.utility.state))}</table>
<h2>${escapeHtml(w.integrity)}</h2><p class="${pack.chain.ok ? 'ok' : 'bad'}">${
    pack.chain.ok ? escapeHtml(w.chainOk(pack.events.length)) : `${escapeHtml(w.chainBroken)} ${escapeHtml(pack.chain.message ?? '')}`
  }</p>
<h2>${escapeHtml(w.events)}</h2>${events || `<p>${escapeHtml(w.noEvents)}</p>`}
<h2>${escapeHtml(w.messages)}</h2>${messages}
<h2>${escapeHtml(w.verify)}</h2><p>${escapeHtml(w.verifyIntro)}</p><ol class="small">${pack.verify.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>
<p class="small">anchor: ${pack.anchor.eventCount} · ${escapeHtml(pack.anchor.headHash)}${
    pack.shopAnchor ? ` · shop anchor ${pack.shopAnchor.seq} · ${escapeHtml(pack.shopAnchor.root)}` : ''
  }</p>
</body></html>`;
}
