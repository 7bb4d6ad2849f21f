import { afterEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../../../main/services/cloud/client';
import { CloudApiError } from '../../../../main/services/cloud/errors';
import { startCloudEmulator, type CloudEmulator } from '../../../../tools/cloud-emulator';

let emu: CloudEmulator | undefined;
afterEach(() => emu?.close());

const clientFor = (e: CloudEmulator) =>
  createCloudClient({ baseUrl: e.url, phoneNumberId: e.phoneNumberId, wabaId: e.wabaId, getAccessToken: () => e.accessToken });

describe('rate limits under load', () => {
  it('answers 130429 (slow_down) past the per-second throughput', async () => {
    // A frozen clock keeps the burst inside one second however slow the machine is.
    emu = await startCloudEmulator({ throughputPerSecond: 10, pairIntervalMs: 0, clock: () => 5_000 });
    const client = clientFor(emu);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => client.sendTemplate({ to: `1650555${String(1000 + i)}`, name: 'hello_world', language: 'en_US' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const limited = results.filter((r) => r.status === 'rejected' && (r.reason as CloudApiError).code === 130429);
    expect(ok).toBe(10);
    expect(limited).toHaveLength(20);
    expect((limited[0] as PromiseRejectedResult).reason).toMatchObject({ action: 'slow_down', retryable: true });
    expect(emu.control.sent()).toHaveLength(10);
  });

  it('answers 131056 (retry_pair) to the same recipient within the pair interval, and allows it after', async () => {
    let now = 1_000;
    emu = await startCloudEmulator({ throughputPerSecond: 80, pairIntervalMs: 6000, clock: () => now });
    const client = clientFor(emu);
    const send = () => client.sendTemplate({ to: '16505551234', name: 'hello_world', language: 'en_US' });
    const burst = await Promise.allSettled([send(), send(), send(), send()]);
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of burst.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 131056, action: 'retry_pair' });
    }
    await client.sendTemplate({ to: '16505559999', name: 'hello_world', language: 'en_US' });
    now += 5999;
    await expect(send()).rejects.toMatchObject({ code: 131056 });
    now += 1;
    await send();
    expect(emu.control.sent().filter((r) => r.to === '16505551234')).toHaveLength(2);
  });

  it('frees throughput after one second (sliding window on the injected clock)', async () => {
    let now = 1_000_000;
    emu = await startCloudEmulator({ throughputPerSecond: 2, pairIntervalMs: 0, clock: () => now });
    const client = clientFor(emu);
    const send = (i: number) => client.sendTemplate({ to: `1650555${2000 + i}`, name: 'hello_world', language: 'en_US' });
    await send(1);
    now += 600;
    await send(2);
    await expect(send(3)).rejects.toMatchObject({ code: 130429 });
    now += 401;
    await send(4);
    await expect(send(5)).rejects.toMatchObject({ code: 130429 });
  });
});
