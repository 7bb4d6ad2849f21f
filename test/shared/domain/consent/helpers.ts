import {
  sealEvent,
  type ConsentEvent,
  type ConsentEventType,
  type ConsentMethod,
  type ConsentPurpose,
  type NewConsentEvent,
} from '../../../../shared/domain/consent';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A valid, sortable ULID made from a counter (deterministic test ids). */
export function testId(n: number): string {
  let out = '';
  let value = n;
  for (let i = 0; i < 26; i += 1) {
    out = CROCKFORD[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

export const T0 = Date.parse('2025-01-01T00:00:00.000Z');
export const MIN = 60_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();

/** Evidence that satisfies every method's rules, so tests can vary the method freely. */
export const FULL_EVIDENCE = { staffMember: 'Ana', fileName: 'list.csv', row: 2, inboundMessageId: 'wamid.1', inboundBody: 'YES' };

export interface Step {
  type: ConsentEventType;
  method?: ConsentMethod;
  purpose?: ConsentPurpose;
  at: number;
  source?: string;
}

/** A NewConsentEvent for contact c1 with sensible defaults. */
export function newEvent(step: Step): NewConsentEvent {
  return {
    contactId: 'c1',
    phone: '+34600111222',
    type: step.type,
    purpose: step.purpose ?? 'marketing',
    method: step.method ?? 'whatsapp_keyword',
    source: step.source ?? 'test',
    evidence: FULL_EVIDENCE,
    recordedBy: 'system',
    occurredAt: iso(step.at),
  };
}

/** Seals steps into one device's chain, each event superseding the previous one (as on a single machine). */
export function chain(steps: readonly Step[], options: { firstId?: number; prev?: ConsentEvent; deviceId?: string } = {}): ConsentEvent[] {
  const out: ConsentEvent[] = [];
  let prev = options.prev;
  steps.forEach((step, index) => {
    const event = sealEvent(newEvent(step), {
      prev,
      id: testId((options.firstId ?? 1) + index),
      recordedAt: iso(T0 + 1_000 * DAY + index),
      deviceId: options.deviceId ?? 'till-1',
      deviceSeq: index + 1,
    });
    out.push(event);
    prev = event;
  });
  return out;
}
