import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../../../main/services/consent/ledger';
import { canSend, deriveConsent, purposeForCategory } from '../../../../shared/domain/consent/state';
import { isMarketingBlocked } from '../../../../shared/domain/consent/marketing-blocked-countries';
import { openHarness } from '../../../support/app-harness';

const web = { transport: 'web-bridge' } as const;

type Step = { type: 'confirmed' | 'revoked' | 'requested'; purpose: 'marketing' | 'utility'; method: 'in_person' | 'staff' | 'import' | 'whatsapp_keyword' };

const step: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom('confirmed', 'revoked', 'requested'),
  purpose: fc.constantFrom('marketing', 'utility'),
  method: fc.constantFrom('in_person', 'staff', 'import', 'whatsapp_keyword'),
});

function draft(s: Step, i: number): EventDraft {
  const evidence =
    s.method === 'import' ? { fileName: 'old.csv', row: i + 1 } : s.method === 'whatsapp_keyword' ? { inboundBody: s.type === 'revoked' ? 'STOP' : 'YES' } : { staffMember: 'Sam' };
  return {
    type: s.type,
    purpose: s.purpose,
    method: s.method,
    source: 'property test',
    evidence,
    recordedBy: 'test',
    occurredAt: new Date(Date.UTC(2026, 10, 1, 10, 0, i)).toISOString(),
  };
}

const PHONES = ['+34600000001', '+34600000002', '+16505550003', '+34600000004'];
const TEMPLATES = [
  { name: 'order_ready', language: 'en_US', category: 'UTILITY', values: { 'body.1': 'A', 'body.2': 'B' } },
  { name: 'weekly_offer', language: 'en_US', category: 'MARKETING', values: {} as Record<string, string> },
];

describe('consent gate (property)', () => {
  it('the emulator never records a notification to a contact without the consent its template needs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(step, { maxLength: 5 }), { minLength: 4, maxLength: 4 }), fc.array(fc.nat(1), { minLength: 4, maxLength: 4 }), async (histories, picks) => {
        const h = await openHarness({ sandbox: { statusDelays: { sent: 5, delivered: 10, read: 15 }, pairIntervalMs: 0 } });
        try {
          await h.dispatch('profile:save', { businessName: 'Shop', country: 'ES', phone: '612345678', locale: 'en', mode: 'sandbox' }, web);
          const emulator = h.services.runtime.emulator()!;
          emulator.control.configure({ pairIntervalMs: 0 });
          await h.dispatch('templates:sync', {}, web);
          const weekly = h.services.templates.list().templates.find((t) => t.name === 'weekly_offer');
          const queued: { id: string; contactId: string; category: string; phone: string }[] = [];
          for (const [i, history] of histories.entries()) {
            const { record } = await h.services.ledger.ensureContact({ phone: PHONES[i]!, name: `C${i}` });
            if (history.length > 0) await h.services.ledger.record(record.id, history.map(draft));
            const template = TEMPLATES[picks[i]!]!;
            const values = template.name === 'weekly_offer' && weekly ? Object.fromEntries((weekly.components ?? []).flatMap((c) => [...(c.text ?? '').matchAll(/\{\{([a-z0-9_]+)\}\}/g)].map((m) => [`${c.type.toLowerCase()}.${m[1]}`, 'x']))) : template.values;
            const item = await h.services.messaging.sendTemplate({ contactId: record.id, name: template.name, language: template.language, values });
            queued.push({ id: item.id, contactId: record.id, category: template.category, phone: PHONES[i]! });
          }
          await h.services.messaging.outbox.settled();
          const received = new Set(emulator.control.sent().map((m) => m.bizOpaqueCallbackData));
          for (const q of queued) {
            const { events } = await h.services.ledger.history(q.contactId);
            const derived = deriveConsent(events, { now: Date.now() });
            const category = q.category as 'MARKETING' | 'UTILITY';
            const allowed = canSend({
              derived,
              purpose: purposeForCategory(category),
              templateCategory: category,
              now: Date.now(),
              kind: 'template',
              countryBlockedForMarketing: isMarketingBlocked(q.phone),
            }).ok;
            // Safety: nothing without consent. Liveness: everything with consent went out (so this cannot pass by sending nothing).
            expect(received.has(q.id)).toBe(allowed);
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
