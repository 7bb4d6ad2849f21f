import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_EVENT_TYPES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  NewConsentEventSchema,
  quickParseNewConsentEvent,
} from '../../../../shared/domain/consent';

/** Key order at every depth, which JSON.stringify alone would not show for members that are undefined. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.entries(value).map(([key, member]) => [key, shape(member)]);
}

const MISSING = Symbol('missing');

/** Mostly a good value, sometimes a flawed one, sometimes no member at all. */
function field(good: unknown[], flawed: unknown[], missing = 1): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 12 },
    { arbitrary: fc.constantFrom(...flawed), weight: 1 },
    { arbitrary: fc.constant(MISSING), weight: missing },
  );
}

function withoutMissing(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== MISSING));
}

const evidence = fc
  .record({
    inboundMessageId: field(['wamid.1'], [' wamid.2', ''], 6),
    inboundBody: field(['YES', '', ' stop '], [undefined, 3], 6),
    ip: field(['203.0.113.9'], [' '], 12),
    userAgent: field(['Mozilla/5.0'], [''], 12),
    staffMember: field(['Ana'], ['Ana ', '   ', undefined], 4),
    deviceName: field(['till 1'], [''], 12),
    fileName: field(['list.csv'], [''], 4),
    row: field([1, 7], [0, -1, 2.5, 2 ** 60, '3'], 4),
    attester: field(['Lucía'], ['\tLucía'], 6),
    keyword: field(['JOIN'], [''], 12),
    widgetCode: field(['W1'], [''], 12),
    note: field(['', 'a note'], [undefined, null], 6),
    ipAddress: field([MISSING], ['1.2.3.4'], 0),
  })
  .map(withoutMissing);

const event = fc
  .record({
    contactId: field(['c1', '01JQ6Z2K6M0000000000000000'], [' c1', '', 42]),
    phone: field(['+34600111222'], ['600 111 222', '+0123']),
    type: field([...CONSENT_EVENT_TYPES], ['subscribed']),
    purpose: field([...CONSENT_PURPOSES], ['newsletter']),
    method: field([...CONSENT_METHODS], ['fax']),
    source: field(['counter', 'list.csv'], [' x', '']),
    textShown: field(['Yes, I want offers'], [' Yes', '', undefined], 12),
    textVersion: field([1, 3], [0, 1.5, undefined], 12),
    textHash: field(['a'.repeat(64)], ['A'.repeat(64), 'abc'], 24),
    locale: field(['es'], ['en ', undefined], 12),
    evidence: fc.oneof({ arbitrary: evidence, weight: 12 }, fc.constantFrom(null, 'x', [], Object.create({ staffMember: 'Ana' }) as object)),
    recordedBy: field(['system', 'Marta'], ['']),
    occurredAt: field(['2025-03-01T12:00:00.000Z', '2025-03-01T12:00:00Z'], ['2025-02-30T10:00:00Z', '2025-03-01 12:00', ' 2025-03-01T12:00:00Z']),
    extra: field([MISSING], [1], 0),
  })
  .map(withoutMissing);

describe('quickParseNewConsentEvent', () => {
  it('returns exactly what the schema returns, or leaves the decision to the schema', () => {
    let taken = 0;
    fc.assert(
      fc.property(event, (input) => {
        const quick = quickParseNewConsentEvent(input);
        if (quick === undefined) return;
        taken++;
        const parsed = NewConsentEventSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(shape(quick)).toEqual(shape(parsed.data));
        expect(quick.evidence).not.toBe((input as { evidence?: unknown }).evidence);
      }),
      { numRuns: 20_000 },
    );
    // Most random inputs have a flaw; enough must get through for the comparison to mean something.
    expect(taken).toBeGreaterThan(1_000);
  });

  it('takes the events the app writes (import rows, counter opt-ins, STOP replies) without the schema', () => {
    const base = { contactId: '01JQ6Z2K6M0000000000000000', phone: '+34612345678', purpose: 'marketing', recordedBy: 'Lucía', occurredAt: '2024-05-03T12:00:00.000Z' };
    const imported = { ...base, type: 'confirmed', method: 'import', source: 'clientes.csv', textVersion: 2, evidence: { fileName: 'clientes.csv', row: 12, attester: 'Lucía', note: 'Consent method in the file: en tienda' } };
    const counter = { ...base, type: 'confirmed', method: 'in_person', source: 'counter', textShown: 'Sí, quiero ofertas', textVersion: 1, locale: 'es', evidence: { staffMember: 'Marta', deviceName: 'till 1' } };
    const stop = { ...base, type: 'revoked', method: 'whatsapp_keyword', source: 'whatsapp', evidence: { inboundMessageId: 'wamid.X', inboundBody: 'STOP' } };
    for (const input of [imported, counter, stop]) {
      expect(shape(quickParseNewConsentEvent(input))).toEqual(shape(NewConsentEventSchema.parse(input)));
    }
  });

  it('leaves trimming, unknown fields, undefined members and missing proof to the schema', () => {
    const ok = { contactId: 'c1', phone: '+34612345678', type: 'revoked', purpose: 'utility', method: 'staff', source: 'counter', recordedBy: 'Marta', occurredAt: '2024-05-03T12:00:00.000Z', evidence: { staffMember: 'Marta' } };
    expect(quickParseNewConsentEvent(ok)).toBeDefined();
    expect(quickParseNewConsentEvent({ ...ok, source: 'counter ' })).toBeUndefined();
    expect(quickParseNewConsentEvent({ ...ok, extra: 1 })).toBeUndefined();
    expect(quickParseNewConsentEvent({ ...ok, locale: undefined })).toBeUndefined();
    expect(quickParseNewConsentEvent({ ...ok, evidence: {} })).toBeUndefined();
    expect(quickParseNewConsentEvent({ ...ok, evidence: { staffMember: 'Marta', ipAddress: '1.2.3.4' } })).toBeUndefined();
    expect(quickParseNewConsentEvent({ ...ok, occurredAt: '2024-02-30T12:00:00.000Z' })).toBeUndefined();
  });
});
