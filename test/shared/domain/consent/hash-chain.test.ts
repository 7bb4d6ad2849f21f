import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  ConsentEventInvalidError,
  GENESIS_PREV_HASH,
  sealEvent,
  textHash,
  verifyChain,
  type ConsentEvent,
} from '../../../../shared/domain/consent';
import { chain, DAY, newEvent, T0, testId } from './helpers';

const history = () =>
  chain([
    { type: 'requested', method: 'sms_double_opt_in', at: T0 },
    { type: 'confirmed', method: 'sms_double_opt_in', at: T0 + DAY },
    { type: 'welcomed', at: T0 + DAY + 1 },
    { type: 'revoked', at: T0 + 5 * DAY },
    { type: 'confirmed', method: 'in_person', purpose: 'utility', at: T0 + 9 * DAY },
  ]);

describe('textHash and canonicalJson', () => {
  it('hashes text as SHA-256 hex', () => {
    expect(textHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(textHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('serialises keys in a stable order at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 'é' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"é","z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('sealEvent', () => {
  it('links to the previous event and computes hashes', () => {
    const [first, second] = history();
    expect(first?.prevHash).toBe(GENESIS_PREV_HASH);
    expect(first?.supersedes).toBeNull();
    expect(second?.prevHash).toBe(first?.hash);
    expect(second?.supersedes).toBe(first?.id);
    expect(second?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills textHash from the text shown and refuses a mismatching one', () => {
    const opts = { prev: undefined, id: testId(1), recordedAt: '2025-01-01T00:00:00.000Z', deviceId: 'd', deviceSeq: 1 };
    const sealed = sealEvent({ ...newEvent({ type: 'confirmed', at: T0 }), textShown: 'Yes please' }, opts);
    expect(sealed.textHash).toBe(textHash('Yes please'));
    expect(() => sealEvent({ ...newEvent({ type: 'confirmed', at: T0 }), textShown: 'Yes please', textHash: textHash('No') }, opts)).toThrow(
      'Consent event refused: textHash does not match textShown',
    );
  });

  it('refuses invalid input and an event chained to another contact', () => {
    const [prev] = history();
    const opts = { prev, id: testId(9), recordedAt: '2025-01-01T00:00:00.000Z', deviceId: 'd', deviceSeq: 9 };
    expect(() => sealEvent({ ...newEvent({ type: 'confirmed', at: T0 }), contactId: 'c2' }, opts)).toThrow(/belongs to contact c1, not c2/);
    try {
      sealEvent({ ...newEvent({ type: 'confirmed', at: T0 }), phone: '12' }, opts);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConsentEventInvalidError);
      expect((error as ConsentEventInvalidError).problems).toEqual(['phone must be an E.164 number like +14155550123 (normalise it first)']);
    }
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain, including after a JSON round trip with shuffled keys', () => {
    const events = history();
    expect(verifyChain(events)).toEqual({ ok: true });
    const shuffled = events.map((e) => Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(e))).reverse()) as ConsentEvent);
    expect(verifyChain(shuffled)).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('reports the edited event', () => {
    const events = history();
    events[2] = { ...events[2]!, evidence: { ...events[2]!.evidence, staffMember: 'Mallory' } };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 2, eventId: events[2]!.id, reason: 'hash_mismatch' });
  });

  it('reports a removed event at the one that follows it, and a removed first event', () => {
    const events = history();
    expect(verifyChain([...events.slice(0, 1), ...events.slice(2)])).toMatchObject({ ok: false, brokenAt: 1, eventId: events[2]!.id, reason: 'prev_hash_mismatch' });
    expect(verifyChain(events.slice(1))).toMatchObject({ ok: false, brokenAt: 0, reason: 'prev_hash_mismatch' });
  });

  it('detects a cut-off tail only against the kept head hash', () => {
    const events = history();
    const head = events.at(-1)!.hash;
    expect(verifyChain(events, { headHash: head })).toEqual({ ok: true });
    expect(verifyChain(events.slice(0, -1), { headHash: head })).toMatchObject({ ok: false, brokenAt: 4, reason: 'head_mismatch' });
  });
});

describe('verifyChain properties', () => {
  const events = history();
  const fields = ['id', 'contactId', 'phone', 'type', 'purpose', 'method', 'source', 'recordedBy', 'occurredAt', 'recordedAt', 'prevHash', 'hash', 'deviceId', 'deviceSeq', 'supersedes', 'evidence', 'textShown', 'locale'] as const;

  it('detects any single-field tamper', () => {
    fc.assert(
      fc.property(fc.nat(events.length - 1), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (index, field, junk) => {
        const copy = events.map((e) => ({ ...e }));
        const target = copy[index] as Record<string, unknown>;
        const before = JSON.stringify(target[field]);
        target[field] = field === 'deviceSeq' ? (target[field] as number) + junk.length : field === 'evidence' ? { note: junk } : `${String(target[field])}${junk}`;
        fc.pre(JSON.stringify(target[field]) !== before);
        const result = verifyChain(copy);
        return !result.ok && result.brokenAt === index;
      }),
      { numRuns: 300 },
    );
  });

  it('detects any deletion (except the newest, caught by the head hash) and any swap', () => {
    const head = events.at(-1)!.hash;
    fc.assert(
      fc.property(fc.nat(events.length - 1), (index) => {
        const without = events.filter((_, i) => i !== index);
        return !verifyChain(without, { headHash: head }).ok;
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.nat(events.length - 1), fc.nat(events.length - 1), (i, j) => {
        fc.pre(i !== j);
        const swapped = [...events];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const result = verifyChain(swapped);
        return !result.ok && result.brokenAt === Math.min(i, j);
      }),
      { numRuns: 100 },
    );
  });
});

describe('pluggable SHA-256', () => {
  it('gives the same hashes with the native implementation as with the portable one', async () => {
    const { createHash } = await import('node:crypto');
    const { portableSha256, textHash, useSha256 } = await import('../../../../shared/domain/consent/hash-chain');
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const fc = (await import('fast-check')).default;
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => native(text) === portableSha256(text)));
    useSha256(native);
    try {
      expect(textHash('Sí, quiero 🍞')).toBe(portableSha256('Sí, quiero 🍞'));
    } finally {
      useSha256(portableSha256);
    }
  });
});

describe('canonicalJson against its definition', () => {
  /** The member-by-member definition, as first written; the fast path must give the same bytes or the same error. */
  function reference(value: unknown): string {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item)).join(',')}]`;
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
    return `{${members.join(',')}}`;
  }
  const outcome = (f: () => string) => {
    try {
      return { value: f() };
    } catch (error) {
      return { error: String(error) };
    }
  };

  it('matches for any value, including index-like keys, sparse arrays, dates and non-finite numbers', () => {
    const values = fc.anything({
      withBoxedValues: true,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withObjectString: true,
      key: fc.oneof(fc.string(), fc.constantFrom('1', '10', '9', '01', '-1', 'a', 'B', 'é')),
    });
    fc.assert(fc.property(values, (value) => {
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)));
    }), { numRuns: 2_000 });
    const event = history()[1]!;
    expect(canonicalJson(event)).toBe(reference(event));
    const sparse = [1, 2, 3];
    delete sparse[1];
    expect(canonicalJson({ b: sparse, a: new Date(0), c: { 10: 'x', 9: 'y' } })).toBe('{"a":{},"b":[1,,3],"c":{"10":"x","9":"y"}}');
    expect(() => canonicalJson({ a: [Infinity] })).toThrow('canonicalJson: numbers must be finite');
  });
});

describe('sealEvent hashes', () => {
  it('equal the canonical JSON hash of the sealed event, for any member and evidence the schema allows', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    const input = fc.record({
      type: fc.constantFrom('requested', 'confirmed', 'welcomed', 'revoked', 'expired', 'bounced'),
      purpose: fc.constantFrom('marketing', 'utility'),
      method: fc.constantFrom('web_widget', 'staff', 'import', 'in_person'),
      textShown: maybe(text),
      textVersion: maybe(fc.integer({ min: 1, max: 9 })),
      locale: maybe(fc.constantFrom('es', 'en', 'pt-BR')),
      evidence: fc.record(
        {
          staffMember: text, fileName: text, row: fc.integer({ min: 1, max: 99 }), attester: text, note: fc.string(), inboundBody: fc.string(),
          inboundMessageId: text, ip: text, userAgent: text, deviceName: text, keyword: text, widgetCode: text,
        },
        { requiredKeys: ['staffMember', 'fileName', 'row'] },
      ),
    });
    let prev: ConsentEvent | undefined;
    fc.assert(
      fc.property(input, fc.boolean(), (draft, chained) => {
        const fields = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
        const event = sealEvent({ ...newEvent({ type: 'confirmed', at: 0 }), ...fields } as never, {
          prev: chained ? prev : undefined, id: testId(7), recordedAt: '2025-01-01T00:00:00.000Z', deviceId: 'd', deviceSeq: 3,
        });
        expect(event.hash).toBe(textHash(event.prevHash + canonicalJson({ ...event, hash: undefined })));
        expect(verifyChain([event]).ok || chained).toBe(true);
        prev = event;
      }),
      { numRuns: 300 },
    );
  });
});
