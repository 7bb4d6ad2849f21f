import { afterEach, describe, expect, it } from 'vitest';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';
import { openHarness } from '../../../support/app-harness';
import { freePort } from '../../../support/child-app';
import { eventually, until } from '../../../support/eventually';

// Sandbox consent must never leak into live (issue 12 item 4): a simulated START or JOIN is marked as made in the
// sandbox, cannot reopen a revoked consent, and gives no consent once the shop switches to live.

const web = { transport: 'web-bridge' } as const;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Harness = Awaited<ReturnType<typeof openHarness>>;

async function sandboxShop(): Promise<Harness> {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  cleanups.push(h.close);
  const saved = await h.dispatch('profile:save', { businessName: 'Shop', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
  expect(saved.ok).toBe(true);
  expect(h.services.runtime.emulator()).not.toBeNull();
  return h;
}

async function optInAtCounter(h: Harness, phone: string): Promise<string> {
  const version = ((await h.dispatch('consent:statement', { purposes: ['marketing'] }, web)) as any).value.version;
  const r = (await h.dispatch(
    'consent:optInInPerson',
    { phone, name: 'Ana', purposes: ['marketing'], staffMember: 'Marta', statementVersion: version, locale: 'en', agreed: true },
    web,
  )) as any;
  expect(r.ok).toBe(true);
  return r.value.contact.id as string;
}

async function contact(h: Harness, id: string) {
  return ((await h.dispatch('contacts:get', { id }, web)) as any).value;
}

async function byPhone(h: Harness, digits: string) {
  return ((await h.dispatch('contacts:search', { text: digits }, web)) as any).value.items[0];
}

/** Simulates a customer message through the sandbox channel and waits until the inbox has handled it. */
async function simulate(h: Harness, phone: string, text: string) {
  const r = (await h.dispatch('sandbox:simulateInbound', { phone, text }, web)) as any;
  expect(r).toMatchObject({ ok: true });
  await h.services.runtime.emulator()!.control.idle();
  return r.value.messageId as string;
}

async function goLive(h: Harness, live: CloudEmulator, port: number) {
  const saved = await h.dispatch(
    'connection:save',
    {
      phoneNumberId: live.phoneNumberId,
      wabaId: live.wabaId,
      baseUrl: live.url,
      webhookPort: port,
      throughputPerSecond: 250,
      accessToken: live.accessToken,
      appSecret: live.appSecret,
      verifyToken: 'verify',
    },
    web,
  );
  expect(saved).toMatchObject({ ok: true, value: { mode: 'live' } });
}

async function liveEmulator(): Promise<{ live: CloudEmulator; port: number }> {
  const port = await freePort();
  const live = await startCloudEmulator({ throughputPerSecond: 0, pairIntervalMs: 0, statusDelays: { sent: 5, delivered: 10, read: null }, webhookUrl: `http://127.0.0.1:${port}/webhook` });
  cleanups.push(() => live.close());
  return { live, port };
}

describe('sandbox consent never counts in live', () => {
  it('a live marketing campaign reaches only the customer who opted in for real, not the 6 whose consent came from sandbox simulations', async () => {
    const h = await sandboxShop();
    // A real customer opts in at the counter; another opts in and later stops (recorded by staff on their behalf).
    await optInAtCounter(h, '600100100');
    const stoppedId = await optInAtCounter(h, '600100200');
    expect((await h.dispatch('consent:stopOnBehalf', { contactId: stoppedId, purposes: ['marketing'], staffMember: 'Marta', note: 'asked at the till' }, web)).ok).toBe(true);

    // Staff play with the sandbox: five simulated START/JOIN/YES from new numbers, and a START "from" the customer who stopped.
    for (const [digits, word] of [['600200001', 'START'], ['600200002', 'JOIN'], ['600200003', 'YES'], ['600200004', 'START'], ['600200005', 'SUBSCRIBE']] as const) {
      await simulate(h, `+34${digits}`, word);
    }
    await simulate(h, '+34600100200', 'START');

    // In the sandbox the simulated opt-ins work (so the flow can be tried), and each is marked as made in the sandbox.
    const simulated = await byPhone(h, '600200001');
    expect(simulated.consent.marketing.state).toBe('opted_in');
    const timeline = (await contact(h, simulated.id)).events as any[];
    const simulatedOptIns = timeline.filter((e) => e.type === 'confirmed');
    expect(simulatedOptIns.map((e) => [e.method, e.source])).toEqual([
      ['whatsapp_keyword', 'sandbox:whatsapp'],
      ['whatsapp_keyword', 'sandbox:whatsapp'],
    ]);
    // A simulated START never reopens a revoked consent (consent:toggle refuses that too), and writes no opt-in.
    const stopped = await contact(h, stoppedId);
    expect(stopped.contact.consent.marketing.state).toBe('opted_out');
    expect((stopped.events as any[]).filter((e) => e.type === 'confirmed')).toHaveLength(1);

    const { live, port } = await liveEmulator();
    await goLive(h, live, port);
    // Switching to live does not carry the simulated consent over.
    expect((await byPhone(h, '600200001')).consent.marketing.state).not.toBe('opted_in');

    expect((await h.dispatch('templates:sync', {}, web)).ok).toBe(true);
    expect((await h.dispatch('campaigns:setLimit', { tier: '10000' }, web)).ok).toBe(true);
    const campaign = (await h.dispatch(
      'campaigns:create',
      {
        name: 'Weekly',
        template: { name: 'weekly_offer', language: 'en_US' },
        audience: { purpose: 'marketing', tags: [], filters: {} },
        mapping: { 'body.first_name': { kind: 'field', field: 'name', fallback: 'there' }, 'body.offer': { kind: 'text', text: '2x1 bread' } },
      },
      web,
    )) as any;
    expect(campaign.ok).toBe(true);
    expect((await h.dispatch('campaigns:start', { id: campaign.value.id }, web)).ok).toBe(true);
    await until(
      async () => ((await h.dispatch('campaigns:get', { id: campaign.value.id }, web)) as any).value.status,
      (status) => status === 'completed',
    );
    await h.services.messaging.outbox.settled();
    const reached = live.control.sent().filter((m) => m.templateName === 'weekly_offer').map((m) => m.to);
    expect(reached).toEqual(['34600100100']);
  });

  it('a simulated STOP stays honoured in live: an opt-out is always safe to keep', async () => {
    const h = await sandboxShop();
    const id = await optInAtCounter(h, '600300300');
    await simulate(h, '+34600300300', 'STOP');
    const after = await contact(h, id);
    expect(after.contact.consent.marketing.state).toBe('opted_out');
    expect((after.events as any[]).find((e) => e.type === 'revoked')).toMatchObject({ method: 'whatsapp_keyword', source: 'sandbox:whatsapp' });
    const { live, port } = await liveEmulator();
    await goLive(h, live, port);
    expect((await contact(h, id)).contact.consent.marketing.state).toBe('opted_out');
  });

  it('leaving the sandbox closes only what rests on a simulation: a real opt-in given after it is kept', async () => {
    const h = await sandboxShop();
    await simulate(h, '+34600900900', 'START');
    const id = (await byPhone(h, '600900900')).id as string;
    expect((await contact(h, id)).contact.consent).toMatchObject({ marketing: { state: 'opted_in' }, utility: { state: 'opted_in' } });
    // Then the customer comes to the counter and opts in to marketing for real.
    await optInAtCounter(h, '600900900');
    const { live, port } = await liveEmulator();
    await goLive(h, live, port);
    const after = await contact(h, id);
    expect(after.contact.consent.marketing.state).toBe('opted_in');
    expect(after.contact.consent.utility).toMatchObject({ state: 'opted_out', method: 'sandbox' });
    expect((after.events as any[]).at(-1)).toMatchObject({ type: 'revoked', purpose: 'utility', method: 'sandbox', source: 'sandbox:ended' });
    expect(after.chain.ok).toBe(true);
    // Restarting in live mode writes nothing more: the check ran once.
    await h.services.runtime.restart();
    expect((await contact(h, id)).events).toHaveLength(after.events.length);
  });

  it('simulation channels are owner-only and exist only in sandbox mode (typed errors)', async () => {
    const h = await sandboxShop();
    await h.services.owner.setPin('2468');
    h.services.owner.lock();
    expect(await h.dispatch('sandbox:simulateInbound', { phone: '+34600400400', text: 'START' }, web)).toMatchObject({ ok: false, error: { code: 'owner_pin_required' } });
    expect(await h.services.owner.unlock('2468')).toBe(true);

    const { live, port } = await liveEmulator();
    await goLive(h, live, port);
    expect(await h.dispatch('sandbox:simulateInbound', { phone: '+34600400400', text: 'START' }, web)).toMatchObject({ ok: false, error: { code: 'not_sandbox' } });
    expect(await h.dispatch('sandbox:sent', {}, web)).toMatchObject({ ok: false, error: { code: 'not_sandbox' } });
    expect(live.control.webhooks()).toHaveLength(0);
    expect(await eventually(() => h.services.ledger.findByPhone('+34600400400'), () => true)).toBeUndefined();
  });
});
