import { canSend, purposeForCategory, type TemplateCategory } from '../../../shared/domain/consent/state';
import { isMarketingBlocked } from '../../../shared/domain/consent/marketing-blocked-countries';
import type { ConsentLedger } from '../consent/ledger';
import { refreshForTime } from '../consent/contact-record';
import type { GateDecision, OutboxItem } from '../outbox';
import type { TemplatesService } from '../templates-service';

const WINDOW_MS = 24 * 3600_000;
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * The consent gate, asked by the outbox right before each send (not when queued): the contact's consent for the
 * template's *current* category, no revocation, bounce or WhatsApp stop since, the marketing country block, and for
 * free-form messages an open 24 h window. Whatever the UI asked, a refusal here means nothing reaches the API.
 */
export function createConsentGate(deps: {
  ledger: ConsentLedger;
  templates: TemplatesService;
  now: () => Date;
}): (item: OutboxItem) => Promise<GateDecision> {
  return async (item) => {
    let record;
    try {
      record = deps.ledger.get(item.contactId);
    } catch {
      return { ok: false, reason: 'unknown_contact' };
    }
    if (record.phone !== item.to) return { ok: false, reason: 'number_changed' };
    const now = deps.now().getTime();
    const derived = {
      marketing: refreshForTime(record.derived.marketing, now, record.lastInboundAt),
      utility: refreshForTime(record.derived.utility, now, record.lastInboundAt),
    };
    const windowOpenUntil = record.lastInboundAt ? Date.parse(record.lastInboundAt) + WINDOW_MS : undefined;
    const countryBlockedForMarketing = isMarketingBlocked(item.to, now);

    if (item.kind === 'text') {
      return canSend({ derived, now, kind: 'session', ...(windowOpenUntil ? { windowOpenUntil } : {}), countryBlockedForMarketing });
    }
    const template = item.template!;
    // The confirmation of an opt-in goes to whoever just opted in, for whichever purpose they chose.
    if (item.origin === 'welcome') {
      const any = derived.marketing.state === 'opted_in' || derived.utility.state === 'opted_in';
      if (record.derived.utility.bounced) return { ok: false, reason: 'bounced' };
      return any ? { ok: true } : { ok: false, reason: 'no_consent' };
    }
    const current = deps.templates.find(template.name, template.language)?.category?.toUpperCase();
    const category = (current && CATEGORIES.includes(current) ? current : template.category) as TemplateCategory;
    const decision = canSend({
      derived,
      purpose: purposeForCategory(category),
      templateCategory: category,
      now,
      kind: 'template',
      countryBlockedForMarketing,
    });
    return decision;
  };
}
