import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../../../main/services/consent/contact-record';
import type { ConsentLedger } from '../../../../main/services/consent/ledger';
import type { OutboxItem } from '../../../../main/services/outbox';
import type { TemplatesService } from '../../../../main/services/templates-service';
import { createConsentGate } from '../../../../main/services/messaging/consent-gate';
import { audienceContacts } from '../../../../main/services/campaigns/campaign-planner';
import { consentDecision } from '../../../../shared/domain/campaigns';
import { deriveConsent } from '../../../../shared/domain/consent/state';
import type { ConsentEvent } from '../../../../shared/domain/consent/event';

const NOW = Date.UTC(2026, 10, 20, 12);
const PHONES = ['+34600000001', '+16505550003', '+447400123456'];

const event = fc.record({
  type: fc.constantFrom('confirmed', 'revoked', 'requested', 'bounced'),
  purpose: fc.constantFrom('marketing', 'utility'),
  method: fc.constantFrom('in_person', 'import', 'whatsapp_keyword'),
  source: fc.constantFrom('test', 'whatsapp:user_preferences'),
  daysAgo: fc.integer({ min: 0, max: 500 }),
});

describe('dry run and consent gate agree', () => {
  it('for any consent history, number and category, the dry run skips exactly whom the gate refuses, with the same reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 6 }),
        fc.constantFrom(...PHONES),
        fc.constantFrom('MARKETING', 'UTILITY', 'AUTHENTICATION'),
        fc.option(fc.integer({ min: 0, max: 48 })),
        async (steps, phone, category, inboundHoursAgo) => {
          const events = steps.map((s, i) => ({
            id: `e${i}`,
            type: s.type,
            purpose: s.purpose,
            method: s.method,
            source: s.source,
            occurredAt: new Date(NOW - s.daysAgo * 86_400_000 + i).toISOString(),
          })) as unknown as ConsentEvent[];
          const lastInboundAt = inboundHoursAgo === null ? null : new Date(NOW - inboundHoursAgo * 3600_000).toISOString();
          // Derived some time ago, as stored; both sides refresh it for now.
          const derived = deriveConsent(events, { now: NOW - 10 * 86_400_000, ...(lastInboundAt ? { lastActivityAt: lastInboundAt } : {}) });
          const record = { id: 'c1', phone, name: 'X', tags: [], lastInboundAt, derived } as unknown as ContactRecord;
          const ledger = { get: () => record, search: () => ({ total: 1, records: [record] }) } as unknown as ConsentLedger;
          const templates = { find: () => undefined } as unknown as TemplatesService;
          const gate = createConsentGate({ ledger, templates, now: () => new Date(NOW) });
          const item = { contactId: 'c1', to: phone, kind: 'template', origin: 'campaign', template: { name: 't', language: 'en', category, components: [] } } as unknown as OutboxItem;
          const atSend = await gate(item);
          const [contact] = [...audienceContacts(ledger, NOW)];
          const planned = consentDecision(contact!, category as 'MARKETING', 'template', NOW);
          expect(planned).toEqual(atSend);
        },
      ),
      { numRuns: 300 },
    );
  });
});
