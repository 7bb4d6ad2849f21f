import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJoinCode } from '../../../../shared/domain/consent/keywords';
import { REF_ALPHABET } from '../../../../shared/domain/entry-points/ref-code';
import { joinCodeFor, joinLink, joinMessage, splitJoinCode } from '../../../../shared/domain/opt-in/join-code';
import { resolveJoinCode, type OptInWidget } from '../../../../shared/domain/opt-in/widget';

const code = fc.array(fc.constantFrom(...REF_ALPHABET), { minLength: 5, maxLength: 8 }).map((c) => c.join(''));
const purposes = fc.subarray(['marketing', 'utility'] as const, { minLength: 1 });

describe('JOIN codes', () => {
  it('round-trip through the message the inbox parses, in any case', () => {
    fc.assert(
      fc.property(code, purposes, fc.boolean(), (widgetCode, chosen, lower) => {
        const message = joinMessage(joinCodeFor(widgetCode, chosen));
        const received = parseJoinCode(lower ? message.toLowerCase() : message)!;
        const split = splitJoinCode(received)!;
        expect(split.widgetCode).toBe(widgetCode);
        expect([...split.purposes].sort()).toEqual([...chosen].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('builds the exact wa.me link and refuses malformed codes', () => {
    expect(joinLink('+34612345678', 'K7M2QB')).toBe('https://wa.me/34612345678?text=JOIN%20K7M2QB');
    expect(() => joinCodeFor('K7M2Q', [])).toThrow(/at least one purpose/);
    expect(() => joinCodeFor('K0O1I', ['marketing'])).toThrow(/Not a widget code/);
    expect(splitJoinCode('K7M2QX')).toBeUndefined();
    expect(splitJoinCode('K7MB')).toBeUndefined();
  });
});

describe('resolveJoinCode', () => {
  const widget: OptInWidget = {
    code: 'K7M2Q', kind: 'web_popup', name: 'Summer popup', purposes: ['utility'], statements: { U: 'Yes, order updates from Café Sol.' },
    statementVersion: 3, locale: 'es', headline: 'Hola', colour: '#075E54', createdAt: '2025-04-01T00:00:00.000Z',
  };
  const find = (c: string) => (c === widget.code ? widget : undefined);

  it('gives the method, the purposes, the exact statement and its version', () => {
    expect(resolveJoinCode('k7m2qu', find)).toEqual({
      method: 'web_popup', purposes: ['utility'], source: 'widget K7M2Q: Summer popup',
      textShown: 'Yes, order updates from Café Sol.', textVersion: 3, locale: 'es',
    });
  });

  it('refuses purposes the widget never offered and unknown codes', () => {
    expect(resolveJoinCode('K7M2QM', find)).toBeUndefined();
    expect(resolveJoinCode('K7M2QB', find)).toBeUndefined();
    expect(resolveJoinCode('ZZZZZU', find)).toBeUndefined();
  });
});
