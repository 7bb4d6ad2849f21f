import { describe, expect, it } from 'vitest';
import { optInRestsOnSandbox } from '../../../../main/services/connection/sandbox-consent';
import type { ConsentEvent } from '../../../../shared/domain/consent/event';

/** Just the fields the rule reads, in stored (causal) order. */
const e = (type: 'confirmed' | 'revoked', source: string, purpose: 'marketing' | 'utility' = 'marketing', method = 'whatsapp_keyword') =>
  ({ type, source, purpose, method }) as unknown as ConsentEvent;

describe('optInRestsOnSandbox', () => {
  it('is true when a simulated START opened the opt-in and nothing real renewed it', () => {
    expect(optInRestsOnSandbox([e('confirmed', 'sandbox:whatsapp')], 'marketing')).toBe(true);
    expect(optInRestsOnSandbox([e('confirmed', 'counter', 'marketing', 'in_person'), e('revoked', 'whatsapp'), e('confirmed', 'sandbox:whatsapp')], 'marketing')).toBe(true);
  });

  it('is false when the opt-in is real, or a real confirmation came after the simulated one', () => {
    expect(optInRestsOnSandbox([e('confirmed', 'counter', 'marketing', 'in_person'), e('confirmed', 'sandbox:whatsapp')], 'marketing')).toBe(false);
    expect(optInRestsOnSandbox([e('confirmed', 'sandbox:whatsapp'), e('confirmed', 'counter', 'marketing', 'in_person')], 'marketing')).toBe(false);
  });

  it('is false once the simulated opt-in was revoked, and looks at one purpose only', () => {
    expect(optInRestsOnSandbox([e('confirmed', 'sandbox:whatsapp'), e('revoked', 'sandbox:ended', 'marketing', 'sandbox')], 'marketing')).toBe(false);
    expect(optInRestsOnSandbox([e('confirmed', 'sandbox:whatsapp', 'utility')], 'marketing')).toBe(false);
  });
});
