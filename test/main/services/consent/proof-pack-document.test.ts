import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../shared/contract/contacts';
import { buildProofPack } from '../../../../main/services/consent/proof-pack';
import { proofPackDocument } from '../../../../main/services/consent/proof-pack-document';
import { chain, T0, DAY } from '../../../shared/domain/consent/helpers';

const contact: Contact = {
  id: 'c1', phone: '+34600111222', phoneDisplay: '+34 600 11 12 22', name: 'Ana Müller', tags: [], createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z', lastInboundAt: null,
  consent: {
    marketing: { state: 'opted_out', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false },
    utility: { state: 'none', bounced: false, needsReconfirmation: false, stoppedInWhatsApp: false },
  },
};

function pack() {
  const events = chain([
    { type: 'confirmed', method: 'in_person', at: T0 + 150 * DAY },
    { type: 'revoked', method: 'in_app_toggle', at: T0 + 160 * DAY },
  ]);
  return buildProofPack({
    generatedAt: '2025-07-01T10:00:00.000Z',
    business: { name: 'Café Sol', phone: '+34612345678' },
    contact,
    chain: { ok: true },
    anchor: { eventCount: events.length, headHash: events.at(-1)!.hash },
    events,
    conversation: [],
  });
}

/** The document's visible text outside the small technical reference rows. */
function readable(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<tr class="tech">[\s\S]*?<\/tr>/g, '').replace(/<p class="small">anchor:[\s\S]*?<\/p>/, '');
}

describe('proofPackDocument: a record people can read', () => {
  it('marks a confirmation that could not reopen a STOP as not applied, in words', () => {
    const p = pack();
    const confirmedAgain = { ...p.events[0]!, id: `${p.events[0]!.id}X` };
    const html = proofPackDocument({ ...p, events: [...p.events, confirmedAgain], stateAfter: [...p.stateAfter, 'opted_out'] }, { locale: 'en', timeZone: 'UTC' });
    expect(html).toContain('3. Agreed — Offers and news (marketing) (not applied: permission stayed “Withdrawn”)');
  });

  it('speaks the shop’s language with plain words, not codes', () => {
    const html = proofPackDocument(pack(), { locale: 'es', timeZone: 'Europe/Madrid' });
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Registro del consentimiento para mensajes de WhatsApp');
    expect(html).toContain('1. Aceptó — Ofertas y novedades (marketing)');
    expect(html).toContain('2. Retiró el permiso — Ofertas y novedades (marketing)');
    expect(html).toContain('cambiado por el negocio en su aplicación');
    expect(html).toContain('La persona dijo que ya no quiere estos mensajes');
    expect(html).toContain('<tr><th scope="row">Permiso después de esto</th><td>Retirado</td></tr>');
    for (const code of ['opted_out', 'in_app_toggle', 'in_person', 'revoked', 'confirmed']) expect(readable(html)).not.toContain(code);
  });

  it('writes local times with the zone instead of UTC ISO strings', () => {
    const html = proofPackDocument(pack(), { locale: 'en', timeZone: 'Europe/Madrid' });
    // 2025-05-31T00:00Z is 02:00 in Madrid (summer time).
    expect(html).toMatch(/May 31, 2025 at 2:00:00\s?AM (CEST|GMT\+2)/);
    expect(html).toContain('Times are shown in Europe/Madrid.');
    expect(readable(html)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('numbers its pages and explains how to verify the record', () => {
    const html = proofPackDocument(pack(), { locale: 'hi', timeZone: 'Asia/Kolkata' });
    expect(html).toMatch(/@bottom-center\{content:"पृष्ठ " counter\(page\) " में से " counter\(pages\)/);
    expect(html).toContain('इस रिकॉर्ड की स्वतंत्र जाँच कैसे करें');
    expect(html).toContain('SHA-256 of hashInputs[i]');
  });

  it('keeps the statement text exactly as the customer saw it', () => {
    const p = pack();
    const statement = 'Sí, quiero recibir ofertas de Café Sol por WhatsApp.\nPuedo darme de baja respondiendo BAJA.';
    p.events[0] = { ...p.events[0]!, textShown: statement, textVersion: 3, locale: 'es' };
    const html = proofPackDocument(p, { locale: 'pt', timeZone: 'America/Sao_Paulo' });
    expect(html).toContain(`<blockquote class="statement" lang="es">${statement}</blockquote>`);
  });
});
