import { afterEach, describe, expect, it } from 'vitest';
import { InboundMessages } from '../../../../main/services/inbox/inbound-messages';
import { DataStore } from '../../../../main/services/store';
import type { InboundEvent } from '../../../../main/services/webhook/events';
import { tempDir } from '../../../support/temp-dir';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(dir?: string): Promise<{ store: DataStore; dir: string }> {
  let folder = dir;
  if (!folder) {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    folder = tmp.dir;
  }
  const store = await DataStore.open({ dir: folder });
  cleanups.push(() => store.close());
  return { store, dir: folder };
}

function text(messageId: string, body: string, timestampMs: number, receivedAt = timestampMs): InboundEvent {
  return {
    kind: 'inbound',
    key: `in:${messageId}`,
    wabaId: 'w',
    phoneNumberId: 'p',
    displayPhoneNumber: undefined,
    receivedAt,
    messageId,
    from: '34600112233',
    profileName: undefined,
    timestampMs,
    type: 'text',
    text: body,
    button: undefined,
    reply: undefined,
    referral: undefined,
    contextMessageId: undefined,
    raw: {} as InboundEvent['raw'],
  };
}

describe('inbound messages', () => {
  it('lists a contact’s messages oldest first, even when Meta delivers one late, and only the latest ones', async () => {
    const { store } = await openStore();
    const inbound = await InboundMessages.open(store);
    await inbound.add('c1', text('wamid.2', 'second', 2_000));
    await inbound.add('c1', text('wamid.3', 'third', 3_000));
    await inbound.add('c1', text('wamid.1', 'first', 1_000, 9_000));
    await inbound.add('c2', text('wamid.9', 'other customer', 1_500));
    expect(inbound.forContact('c1').map((m) => m.text)).toEqual(['first', 'second', 'third']);
    expect(inbound.forContact('c1', 2).map((m) => m.text)).toEqual(['second', 'third']);
    expect(inbound.forContact('nobody')).toEqual([]);
  });

  it('places a message inside its whole-second timestamp by the time it was received', async () => {
    const { store } = await openStore();
    const inbound = await InboundMessages.open(store);
    await inbound.add('c1', text('wamid.a', 'same second', 5_000, 5_420));
    await inbound.add('c1', text('wamid.b', 'hours late', 6_000, 6_000 + 3 * 3600_000));
    expect(inbound.forContact('c1').map((m) => m.at)).toEqual([5_420, 6_999]);
  });

  it('keeps a message once when the same id arrives twice, at once or after reopening', async () => {
    const { store, dir } = await openStore();
    const inbound = await InboundMessages.open(store);
    const results = await Promise.all([inbound.add('c1', text('wamid.x', 'hola', 1_000)), inbound.add('c1', text('wamid.x', 'hola', 1_000))]);
    expect(results.sort()).toEqual([false, true]);
    await store.close();

    const { store: again } = await openStore(dir);
    const reopened = await InboundMessages.open(again);
    expect(await reopened.add('c1', text('wamid.x', 'hola', 1_000))).toBe(false);
    expect(reopened.forContact('c1')).toEqual([{ id: 'wamid.x', contactId: 'c1', at: 1_000, type: 'text', text: 'hola' }]);
  });
});
