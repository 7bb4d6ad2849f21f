import { afterEach, describe, expect, it } from 'vitest';
import { joinLink } from '../../../../shared/domain/opt-in/join-code';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());


async function sandboxShop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  close = h.close;
  await h.dispatch('profile:save', { businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'es', mode: 'sandbox' }, web);
  return h;
}

describe('opt-in widgets', () => {
  it('creates widgets over the channels with frozen statements, a snippet and one link per purpose choice', async () => {
    const h = await sandboxShop();
    const created = (await h.dispatch('optInWidgets:create', { kind: 'web_popup', name: 'Popup de verano', purposes: ['marketing', 'utility'] }, web)) as any;
    expect(created.ok).toBe(true);
    const widget = created.value;
    expect(widget.code).toMatch(/^[2-9A-HJ-NP-Z]{5}$/);
    expect(widget.statementVersion).toBe(1);
    expect(Object.keys(widget.statements).sort()).toEqual(['B', 'M', 'U']);
    expect(widget.statements.M).toContain('Café Sol');
    expect(widget.popup).toMatchObject({ exitIntent: true, frequencyCapDays: 7 });
    const snippet = (await h.dispatch('optInWidgets:snippet', { code: widget.code.toLowerCase() }, web)) as any;
    expect(snippet.value.snippet).toContain(`opt-in popup (code ${widget.code})`);
    expect(snippet.value.links.map((l: any) => l.url)).toEqual(['U', 'M', 'B'].map((s) => joinLink('+34612345678', widget.code + s)));
    expect(((await h.dispatch('optInWidgets:list', {}, web)) as any).value).toHaveLength(1);
    expect(await h.dispatch('optInWidgets:create', { kind: 'web_widget', name: ' ', purposes: ['marketing'] }, web)).toMatchObject({ ok: false, error: { field: 'name' } });
  });

  it('a JOIN from the popup or the in-app toggle opts in with that method; a tampered code records nothing', async () => {
    const h = await sandboxShop();
    const emulator = h.services.runtime.emulator()!;
    const popup = await h.services.widgets.create({ kind: 'web_popup', name: 'Popup', purposes: ['marketing'] });
    const toggle = await h.services.widgets.create({ kind: 'in_app_toggle', name: 'Mi cuenta', purposes: ['utility', 'marketing'] });

    const { messageId } = await emulator.control.simulateInbound({ from: '34600112233', text: `JOIN ${popup.code}M` });
    const a = await eventually(() => h.services.ledger.findByPhone('+34600112233'), (r) => r?.derived.marketing.state === 'opted_in');
    const [confirmed] = (await h.services.ledger.history(a!.id)).events;
    expect(confirmed).toMatchObject({ type: 'confirmed', method: 'web_popup', textShown: popup.statements.M, textVersion: 1, locale: 'es', evidence: { inboundMessageId: messageId, widgetCode: `${popup.code}M` } });

    await emulator.control.simulateInbound({ from: '34600445566', text: `join ${toggle.code.toLowerCase()}b 👍` });
    const b = await eventually(() => h.services.ledger.findByPhone('+34600445566'), (r) => r?.derived.utility.state === 'opted_in');
    expect([b!.derived.marketing.method, b!.derived.utility.method]).toEqual(['in_app_toggle', 'in_app_toggle']);
    expect((await h.services.ledger.history(b!.id)).events.find((e) => e.type === 'confirmed')!.textShown).toBe(toggle.statements.B);

    // The popup only offered marketing: a message claiming more is not what the page showed.
    await emulator.control.simulateInbound({ from: '34600778899', text: `JOIN ${popup.code}B` });
    await emulator.control.idle();
    const c = await eventually(() => h.services.ledger.findByPhone('+34600778899'), (r) => r !== undefined);
    expect(c!.eventCount).toBe(0);
  });
});
