import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../../support/app-harness';
import { eventually } from '../../../support/eventually';

const web = { transport: 'web-bridge' } as const;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});


async function sandboxShop() {
  const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
  cleanup.push(h.close);
  await h.dispatch('profile:save', { businessName: 'Café Sol', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
  return h;
}

/** A loopback SMTP server that keeps every message it receives (raw) and the login used. */
async function smtpServer() {
  const received: { raw: string; to: string[]; user?: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'shop' && auth.password === 's3cret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ raw, to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, received };
}

describe('email opt-in request through SMTP', () => {
  it('sends the exact text, records requested with the Message-ID, and a WhatsApp YES confirms it', async () => {
    const h = await sandboxShop();
    const smtp = await smtpServer();
    await h.services.remoteSettings.save({
      ...h.services.remoteSettings.get(),
      smtp: { host: '127.0.0.1', port: smtp.port, user: 'shop', from: 'Café Sol <hola@cafesol.test>', secure: false },
      smtpPassword: 's3cret',
    });
    const view = await h.services.remoteSettings.view();
    expect(view.hasSmtpPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain('s3cret');
    const input = { channel: 'email' as const, phone: '600112233', email: 'ana@example.test', purposes: ['utility' as const] };
    const preview = await h.services.remoteRequests.preview(input);
    expect(preview.text).toContain('Reply YES to confirm, STOP to opt out.');
    expect(preview.text).toContain('https://wa.me/34612345678?text=YES');
    expect(preview.mailtoUrl).toMatch(/^mailto:ana@example\.test\?subject=/);
    const { request, contact } = await h.services.remoteRequests.send({ ...input, via: 'provider', staffMember: 'Marta' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['ana@example.test'], user: 'shop' });
    const requested = (await h.services.ledger.history(contact.id)).events[0]!;
    expect(requested).toMatchObject({ type: 'requested', method: 'email_link', purpose: 'utility', textShown: preview.text });
    expect(requested.evidence.note).toContain(request.providerMessageId!);
    expect(smtp.received[0]!.raw).toContain(request.providerMessageId!);

    await h.services.runtime.emulator()!.control.simulateInbound({ from: '34600112233', text: 'YES' });
    const record = await eventually(() => h.services.ledger.get(contact.id), (r) => r.derived.utility.state === 'opted_in');
    expect(record.derived.utility.state).toBe('opted_in');
    expect(record.derived.marketing.state).toBe('none');
    await eventually(() => h.services.remoteRequests.pending().length, (n) => n === 0);
  });

  it('a wrong SMTP password is a clear error and records nothing', async () => {
    const h = await sandboxShop();
    const smtp = await smtpServer();
    await h.services.remoteSettings.save({
      ...h.services.remoteSettings.get(),
      smtp: { host: '127.0.0.1', port: smtp.port, user: 'shop', from: 'hola@cafesol.test', secure: false },
      smtpPassword: 'wrong',
    });
    await expect(
      h.services.remoteRequests.send({ channel: 'email', phone: '600112233', email: 'ana@example.test', purposes: ['utility'], via: 'provider', staffMember: 'Marta' }),
    ).rejects.toMatchObject({ code: 'email_auth' });
    expect(h.services.remoteRequests.pending()).toEqual([]);
  });
});

describe('WhatsApp keywords', () => {
  it('HELP gets the program text back through the Cloud API; owner-added words stop and start', async () => {
    const h = await sandboxShop();
    const emulator = h.services.runtime.emulator()!;
    await emulator.control.simulateInbound({ from: '34600112233', text: 'help' });
    const help = await eventually(() => emulator.control.sent().filter((m) => m.type === 'text'), (list) => list.length === 1);
    expect(JSON.stringify(help[0])).toContain('Café Sol: order updates and offers on WhatsApp, a few times a month. Reply STOP to stop, START to join again.');

    const saved = await h.dispatch('remoteOptIns:saveKeywords', { stop: [' basta ', 'BASTA'], start: ['dale'], help: [] }, web);
    expect(saved).toMatchObject({ ok: true, value: { stop: ['basta'], start: ['dale'], help: [] } });
    expect(await h.dispatch('remoteOptIns:saveKeywords', { stop: ['vale'], start: ['Vale'], help: [] }, web)).toMatchObject({ ok: false, error: { field: 'start' } });
    await emulator.control.simulateInbound({ from: '34600112233', text: 'dale' });
    const contact = await eventually(() => h.services.ledger.findByPhone('+34600112233')!, (r) => r.derived.marketing.state === 'opted_in');
    expect(contact.derived.marketing.state).toBe('opted_in');
    await emulator.control.simulateInbound({ from: '34600112233', text: '¡Basta!' });
    const stopped = await eventually(() => h.services.ledger.findByPhone('+34600112233')!, (r) => r.derived.marketing.state === 'opted_out');
    expect(stopped.derived.marketing.state).toBe('opted_out');
  });
});
