import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function withProfile() {
  const h = await openHarness();
  close = h.close;
  const saved = await h.dispatch(
    'profile:save',
    { businessName: 'Panadería Lucía', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' },
    web,
  );
  expect(saved.ok).toBe(true);
  return h;
}

async function statementVersion(h: Awaited<ReturnType<typeof openHarness>>, locale = 'es') {
  const r = await h.dispatch('consent:statement', { purposes: ['marketing'], locale }, web);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { version: number }).version;
}

describe('in-person opt-in, toggles and stops through the real dispatcher', () => {
  it('records an opt-in with the statement shown, the staff member and a verified chain', async () => {
    const h = await withProfile();
    const version = await statementVersion(h);
    const result = await h.dispatch(
      'consent:optInInPerson',
      { phone: '600 11 22 33', name: 'Ana', purposes: ['marketing', 'utility'], staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
      web,
    );
    expect(result).toMatchObject({ ok: true, value: { created: true, contact: { phone: '+34600112233', name: 'Ana' } } });
    if (!result.ok) return;
    const contact = (result.value as any).contact;
    expect(contact.consent.marketing.state).toBe('opted_in');
    expect(contact.consent.utility.state).toBe('opted_in');

    const detail = await h.dispatch('contacts:get', { id: contact.id }, web);
    expect(detail.ok).toBe(true);
    const { events, chain } = (detail as any).value;
    expect(chain.ok).toBe(true);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      type: 'confirmed',
      method: 'in_person',
      recordedBy: 'Marta',
      evidence: { staffMember: 'Marta', deviceName: 'test till' },
      textVersion: version,
      locale: 'es',
    });
    expect(events[0].textShown).toContain('Panadería Lucía');
    expect(events[0].textShown).toContain('+34 600 11 22 33');
  });

  it('updates the existing contact when the same number is typed differently', async () => {
    const h = await withProfile();
    const version = await statementVersion(h);
    const base = { purposes: ['utility'], staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true };
    await h.dispatch('consent:optInInPerson', { ...base, phone: '600112233', name: 'Ana' }, web);
    const again = await h.dispatch('consent:optInInPerson', { ...base, phone: '+34 600-11-22-33', name: 'Ana García' }, web);
    expect(again).toMatchObject({ ok: true, value: { created: false, contact: { name: 'Ana García' } } });
    const found = await h.dispatch('contacts:search', { text: '0034 600 112 233' }, web);
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses an opt-in without agreement, with a bad number, or under an outdated statement', async () => {
    const h = await withProfile();
    const version = await statementVersion(h);
    const base = { phone: '600112233', name: '', purposes: ['marketing'], staffMember: 'Marta', statementVersion: version, locale: 'es' };
    expect(await h.dispatch('consent:optInInPerson', { ...base, agreed: false }, web)).toMatchObject({
      ok: false,
      error: { field: 'agreed' },
    });
    expect(await h.dispatch('consent:optInInPerson', { ...base, phone: '12', agreed: true }, web)).toMatchObject({
      ok: false,
      error: { field: 'phone' },
    });
    const loaded = (await h.dispatch('consent:texts', { locale: 'es' }, web)) as any;
    const edits = loaded.value.current.find((v: any) => v.kind === 'optin_statement');
    const saved = await h.dispatch(
      'consent:saveText',
      {
        kind: 'optin_statement',
        locale: 'es',
        text: 'Sí, quiero mensajes de {purpose} de {business} en WhatsApp al {phone}. Responde STOP para darte de baja.',
        edits: { version: edits.version, hash: edits.hash },
      },
      web,
    );
    expect(saved).toMatchObject({ ok: true, value: { version: version + 1 } });
    expect(await h.dispatch('consent:optInInPerson', { ...base, agreed: true }, web)).toMatchObject({
      ok: false,
      error: { code: 'statement_changed' },
    });
    expect((await h.dispatch('contacts:search', {}, web) as any).value.total).toBe(0);
  });

  it('a STOP on behalf of the customer wins, and a staff toggle cannot reopen it', async () => {
    const h = await withProfile();
    const version = await statementVersion(h);
    const opt = await h.dispatch(
      'consent:optInInPerson',
      { phone: '600112233', name: 'Ana', purposes: ['marketing'], staffMember: 'Marta', statementVersion: version, locale: 'es', agreed: true },
      web,
    );
    const id = (opt as any).value.contact.id;
    const stopped = await h.dispatch('consent:stopOnBehalf', { contactId: id, purposes: ['marketing'], staffMember: 'Luis', note: 'asked at the till' }, web);
    expect(stopped).toMatchObject({ ok: true, value: { consent: { marketing: { state: 'opted_out' } } } });
    const toggled = await h.dispatch('consent:toggle', { contactId: id, purpose: 'marketing', on: true, staffMember: 'Luis' }, web);
    expect(toggled).toMatchObject({ ok: false, error: { code: 'consent_revoked' } });
    const filtered = await h.dispatch('contacts:search', { purpose: 'marketing', state: 'opted_out' }, web);
    expect((filtered as any).value.total).toBe(1);
  });

  it('exports every event as CSV with formula cells neutralised, and a proof pack whose chain verifies', async () => {
    const h = await withProfile();
    const version = await statementVersion(h);
    const opt = await h.dispatch(
      'consent:optInInPerson',
      { phone: '600112233', name: '=HYPERLINK("http://evil")', purposes: ['marketing'], staffMember: '@admin', statementVersion: version, locale: 'es', agreed: true },
      web,
    );
    const id = (opt as any).value.contact.id;
    const csv = await h.dispatch('export:eventsCsv', {}, web);
    expect(csv.ok).toBe(true);
    const text = (csv as any).value.csv as string;
    expect(text.split('\r\n')).toHaveLength(2);
    expect(text).toContain("'+34600112233");
    expect(text).toContain("'@admin");
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    const pack = await h.dispatch('export:proofPack', { contactId: id }, web);
    const parsed = JSON.parse((pack as any).value.json);
    expect(parsed.chain.ok).toBe(true);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0].textShown).toContain('Panadería Lucía');
  });

  it('keeps every opt-in across a restart of the services', async () => {
    const { dir, cleanup } = await (await import('../../../support/temp-dir')).tempDir();
    const first = await openHarness({ dataDir: dir });
    await first.dispatch('profile:save', { businessName: 'Shop', country: 'GB', phone: '07400123456', locale: 'en', mode: 'sandbox' }, web);
    const version = (await first.dispatch('consent:statement', { purposes: ['utility'] }, web) as any).value.version;
    for (const phone of ['07400111111', '07400222222', '07400333333']) {
      await first.dispatch('consent:optInInPerson', { phone, name: phone, purposes: ['utility'], staffMember: 'Sam', statementVersion: version, locale: 'en', agreed: true }, web);
    }
    await first.services.close();
    const second = await openHarness({ dataDir: dir });
    const all = await second.dispatch('contacts:search', { state: 'opted_in' }, web);
    expect((all as any).value.total).toBe(3);
    await second.services.close();
    await cleanup();
  });
});
