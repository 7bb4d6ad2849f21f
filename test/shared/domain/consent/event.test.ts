import { describe, expect, it } from 'vitest';
import {
  CONSENT_METHODS,
  CUSTOMER_EXPLICIT_METHODS,
  isCustomerExplicitMethod,
  parseConsentEvent,
  parseNewConsentEvent,
} from '../../../../shared/domain/consent';
import { chain, newEvent, T0 } from './helpers';

const valid = () => newEvent({ type: 'confirmed', method: 'in_person', at: T0 });

describe('parseNewConsentEvent', () => {
  it('accepts a complete in-person confirmation', () => {
    const result = parseNewConsentEvent({ ...valid(), textShown: 'Yes, I want…', textVersion: 1, locale: 'en' });
    expect(result.ok).toBe(true);
  });

  it('explains each problem in a sentence naming the field', () => {
    const result = parseNewConsentEvent({
      ...valid(),
      phone: '600 111 222',
      type: 'subscribed',
      purpose: 'newsletter',
      method: 'fax',
      occurredAt: '2025-01-01 10:00',
      recordedBy: '  ',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'phone must be an E.164 number like +14155550123 (normalise it first)',
        expect.stringMatching(/^type must be one of requested, confirmed/),
        'purpose must be one of marketing, utility',
        expect.stringMatching(/^method must be one of in_person, sms_keyword/),
        'occurredAt must be an ISO 8601 UTC timestamp like 2025-04-01T09:30:00.000Z',
        'recordedBy must not be empty',
      ]),
    );
  });

  it('rejects impossible dates and unknown evidence fields', () => {
    const result = parseNewConsentEvent({ ...valid(), occurredAt: '2025-02-30T10:00:00Z', evidence: { staffMember: 'Ana', ipAddress: '1.2.3.4' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('occurredAt is not a real date and time');
    expect(result.problems).toContain('evidence has unknown fields: ipAddress');
  });

  it('requires the proof each method is known by', () => {
    const cases = [
      { method: 'in_person', message: 'evidence.staffMember is required for an in-person consent (who took it at the counter)' },
      { method: 'staff', message: 'evidence.staffMember is required when staff record a consent change' },
      { method: 'import', message: 'evidence.fileName is required for an imported consent (which file it came from)' },
      { method: 'whatsapp_keyword', message: expect.stringContaining("evidence.inboundMessageId or evidence.inboundBody is required for whatsapp_keyword") },
    ] as const;
    for (const { method, message } of cases) {
      const result = parseNewConsentEvent({ ...valid(), method, evidence: {} });
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(result.problems).toContainEqual(message);
    }
    expect(parseNewConsentEvent({ ...valid(), method: 'import', evidence: { fileName: 'a.csv', row: 0 } })).toEqual({
      ok: false,
      problems: ['evidence.row must be 1 or more (first data row is 1)'],
    });
  });

  it('does not demand consent proof for events that are not opt-ins or opt-outs', () => {
    expect(parseNewConsentEvent({ ...valid(), type: 'welcomed', method: 'in_person', evidence: {} }).ok).toBe(true);
  });

  it('accepts web sign-ups with IP and user agent', () => {
    const result = parseNewConsentEvent({ ...valid(), method: 'web_widget', evidence: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0', widgetCode: 'W1' } });
    expect(result.ok).toBe(true);
  });
});

describe('parseConsentEvent', () => {
  it('accepts sealed events and rejects a broken id or hash', () => {
    const [event] = chain([{ type: 'confirmed', at: T0 }]);
    expect(parseConsentEvent(event)).toEqual({ ok: true, value: event });
    const bad = parseConsentEvent({ ...event, id: 'not-a-ulid', hash: 'XYZ' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toContain('id must be a 26-character ULID');
      expect(bad.problems).toContain('hash must be 64 lowercase hex digits (SHA-256)');
    }
  });
});

describe('customer-explicit methods', () => {
  it('are every method except import, sandbox and staff (the contact page toggle records staff)', () => {
    const excluded = CONSENT_METHODS.filter((m) => !isCustomerExplicitMethod(m));
    expect(excluded.sort()).toEqual(['import', 'sandbox', 'staff']);
    expect(CUSTOMER_EXPLICIT_METHODS).toHaveLength(CONSENT_METHODS.length - 3);
  });
});
