/** A revocation holds back sends from the instant it is submitted to the ledger, not from when it is on disk. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentLedger, type EventDraft } from '../../../../main/services/consent/ledger';
import { createConsentGate } from '../../../../main/services/messaging/consent-gate';
import type { OutboxItem } from '../../../../main/services/outbox';
import { DataStore } from '../../../../main/services/store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function openLedger() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gate-holds-'));
  const store = await DataStore.open({ dir });
  const ledger = await ConsentLedger.open({ store, deviceId: 'till', now: () => new Date() });
  cleanups.push(async () => {
    await ledger.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return ledger;
}

const at = () => new Date().toISOString();
const optIn: EventDraft = { type: 'confirmed', purpose: 'utility', method: 'in_person', source: 'counter', evidence: { staffMember: 'Marta' }, recordedBy: 'Marta', occurredAt: at() };
const stop: EventDraft = { type: 'revoked', purpose: 'utility', method: 'whatsapp_keyword', source: 'whatsapp', evidence: { inboundMessageId: 'wamid.in.1', inboundBody: 'STOP' }, recordedBy: 'system', occurredAt: at() };

function notification(contactId: string, to: string): OutboxItem {
  return { contactId, to, kind: 'template', origin: 'notification', template: { name: 'order_ready', language: 'en_US', category: 'UTILITY', components: [] } } as unknown as OutboxItem;
}

describe('consent gate and revocations being recorded', () => {
  it('refuses from the instant a STOP is submitted, while it is being written, and after', async () => {
    const ledger = await openLedger();
    const { record } = await ledger.ensureContact({ phone: '+34600112233', name: 'Ana' });
    await ledger.record(record.id, [optIn]);
    const gate = createConsentGate({ ledger, templates: { find: () => undefined }, now: () => new Date() });
    const item = notification(record.id, record.phone);
    expect(gate(item)).toEqual({ ok: true });

    const writing = ledger.record(record.id, [stop]);
    // Not on disk yet, and the stored consent still says opted in: the hold alone refuses.
    expect(ledger.get(record.id).derived.utility.state).toBe('opted_in');
    expect(ledger.heldFor(record.id)).toEqual({ revoking: ['utility'], bouncing: false });
    expect(gate(item)).toEqual({ ok: false, reason: 'opted_out' });
    await writing;
    expect(ledger.heldFor(record.id)).toBeUndefined();
    expect(gate(item)).toEqual({ ok: false, reason: 'opted_out' });
  });

  it('releases the hold when the write is refused (nothing was recorded, nothing stays blocked)', async () => {
    const ledger = await openLedger();
    const { record } = await ledger.ensureContact({ phone: '+34600445566', name: 'Luis' });
    await ledger.record(record.id, [optIn]);
    const gate = createConsentGate({ ledger, templates: { find: () => undefined }, now: () => new Date() });
    const invalid = { ...stop, method: 'staff', evidence: {} } as EventDraft;
    const writing = ledger.record(record.id, [invalid]);
    expect(gate(notification(record.id, record.phone))).toEqual({ ok: false, reason: 'opted_out' });
    await expect(writing).rejects.toThrow(/staffMember/);
    expect(gate(notification(record.id, record.phone))).toEqual({ ok: true });
  });
});
