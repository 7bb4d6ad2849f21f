import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsentTally, total, type TalliedEvent } from '../../../../shared/domain/stats/consent-tally';
import { dayOfWithOffset } from '../../../../shared/domain/stats/days';

const utc = dayOfWithOffset(() => 0);
const ev = (contactId: string, type: TalliedEvent['type'], method: TalliedEvent['method'], occurredAt: string): TalliedEvent => ({
  contactId,
  type,
  method,
  occurredAt,
});

describe('ConsentTally', () => {
  it('counts confirmed events as opt-ins and revoked events as revocations, per day and method', () => {
    const tally = new ConsentTally(utc);
    tally.add([
      ev('a', 'confirmed', 'in_person', '2025-04-01T09:00:00.000Z'),
      ev('b', 'confirmed', 'whatsapp_keyword', '2025-04-01T10:00:00.000Z'),
      ev('c', 'confirmed', 'in_person', '2025-04-02T10:00:00.000Z'),
      ev('a', 'welcomed', 'in_person', '2025-04-01T09:00:05.000Z'),
      ev('d', 'requested', 'sms_double_opt_in', '2025-04-01T09:00:05.000Z'),
      ev('b', 'revoked', 'whatsapp_keyword', '2025-04-02T11:00:00.000Z'),
    ]);
    expect(tally.optInsOn('2025-04-01')).toEqual({ in_person: 1, whatsapp_keyword: 1 });
    expect(tally.optInsOn('2025-04-02')).toEqual({ in_person: 1 });
    expect(tally.revocationsOn('2025-04-02')).toEqual({ whatsapp_keyword: 1 });
    expect(tally.revocationsOn('2025-04-01')).toEqual({});
  });

  it('counts one act for several purposes once (adjacent events of a contact with the same time and method)', () => {
    const tally = new ConsentTally(utc);
    const at = '2025-04-01T09:00:00.000Z';
    tally.add([ev('a', 'confirmed', 'in_person', at), ev('a', 'confirmed', 'in_person', at)]);
    tally.add([ev('a', 'revoked', 'whatsapp_keyword', at), ev('a', 'revoked', 'whatsapp_keyword', at)]);
    // A later, separate opt-in of the same contact is a new act.
    tally.add([ev('a', 'confirmed', 'in_person', '2025-04-01T12:00:00.000Z')]);
    expect(tally.optInsOn('2025-04-01')).toEqual({ in_person: 2 });
    expect(tally.revocationsOn('2025-04-01')).toEqual({ whatsapp_keyword: 1 });
  });

  it('uses the shop’s local day, not the UTC day', () => {
    const tally = new ConsentTally(dayOfWithOffset(() => -300));
    tally.add([ev('a', 'confirmed', 'web_widget', '2025-04-02T02:00:00.000Z')]);
    expect(tally.optInsOn('2025-04-01')).toEqual({ web_widget: 1 });
  });

  it('feeding events in any batching gives the same counts as one batch', () => {
    const event = fc.record({
      contactId: fc.constantFrom('a', 'b', 'c'),
      type: fc.constantFrom('confirmed', 'revoked', 'welcomed') as fc.Arbitrary<TalliedEvent['type']>,
      method: fc.constantFrom('in_person', 'import') as fc.Arbitrary<TalliedEvent['method']>,
      occurredAt: fc.constantFrom('2025-04-01T09:00:00.000Z', '2025-04-01T18:00:00.000Z', '2025-04-02T09:00:00.000Z'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (events, size) => {
        const whole = new ConsentTally(utc);
        whole.add(events);
        const parts = new ConsentTally(utc);
        for (let i = 0; i < events.length; i += size) parts.add(events.slice(i, i + size));
        const days = ['2025-04-01', '2025-04-02'];
        const sum = days.reduce((n, d) => n + total(whole.optInsOn(d)) + total(whole.revocationsOn(d)), 0);
        const counted = events.filter((e, i) => e.type !== 'welcomed' && JSON.stringify(e) !== JSON.stringify(events[i - 1])).length;
        expect(days.map((d) => [parts.optInsOn(d), parts.revocationsOn(d)])).toEqual(days.map((d) => [whole.optInsOn(d), whole.revocationsOn(d)]));
        expect(sum).toBeLessThanOrEqual(counted);
      }),
      { numRuns: 100 },
    );
  });
});
