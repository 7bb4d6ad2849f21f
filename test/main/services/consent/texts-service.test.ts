import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

type Version = { kind: string; locale: string; version: number; text: string; hash: string };

async function shop() {
  const h = await openHarness();
  close = h.close;
  const saved = await h.dispatch('profile:save', { businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  expect(saved.ok).toBe(true);
  const texts = async (locale: string) => {
    const r = (await h.dispatch('consent:texts', { locale }, web)) as { ok: true; value: { current: Version[]; history: Version[] } };
    return r.value;
  };
  return { h, texts };
}

describe('consent texts are saved only as the language they were loaded for', () => {
  it('refuses the Spanish text sent as the English one (the box kept it after a language switch)', async () => {
    const { h, texts } = await shop();
    const es = (await texts('es')).current.find((v) => v.kind === 'optin_statement')!;
    const en = (await texts('en')).current.find((v) => v.kind === 'optin_statement')!;
    expect(es.version).toBe(1);
    expect(en.version).toBe(1);

    // What the settings box did: the Spanish text, edited, saved under the new language.
    const edited = `${es.text} ¡Gracias!`;
    const wrong = await h.dispatch('consent:saveText', { kind: 'optin_statement', locale: 'en', text: edited, edits: { version: es.version, hash: es.hash } }, web);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'text_changed', field: 'text' } });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/another language \(es\)/);
    expect((await texts('en')).history.filter((v) => v.kind === 'optin_statement').map((v) => v.text)).toEqual([en.text]);

    // The same edit saved as the language it was loaded for is stored there, as version 2.
    const right = await h.dispatch('consent:saveText', { kind: 'optin_statement', locale: 'es', text: edited, edits: { version: es.version, hash: es.hash } }, web);
    expect(right).toMatchObject({ ok: true, value: { locale: 'es', version: 2, text: edited } });
    expect((await texts('es')).current.find((v) => v.kind === 'optin_statement')).toMatchObject({ version: 2, text: edited });
    expect((await texts('en')).current.find((v) => v.kind === 'optin_statement')).toMatchObject({ version: 1, text: en.text });
  });

  it('refuses an edit of a version that is no longer current', async () => {
    const { h, texts } = await shop();
    const v1 = (await texts('es')).current.find((v) => v.kind === 'help')!;
    const first = await h.dispatch('consent:saveText', { kind: 'help', locale: 'es', text: `${v1.text} (1)`, edits: { version: 1, hash: v1.hash } }, web);
    expect(first).toMatchObject({ ok: true, value: { version: 2 } });
    const stale = await h.dispatch('consent:saveText', { kind: 'help', locale: 'es', text: `${v1.text} (2)`, edits: { version: 1, hash: v1.hash } }, web);
    expect(stale).toMatchObject({ ok: false, error: { code: 'text_changed' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/now version 2/);
    expect(await h.dispatch('consent:saveText', { kind: 'help', locale: 'es', text: 'x {business}' }, web)).toMatchObject({ ok: false, error: { field: 'edits' } });
  });
});
