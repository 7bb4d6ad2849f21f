/**
 * The dry run: for a campaign's audience, who will be sent to, who will be skipped and why, and what it costs.
 * It asks the send policy (decideSend, with the same inputs the gate builds at send time) so what the dry run
 * promises is what happens, then the parameter mapping, then the messaging-limit budget.
 */
import { isMarketingBlocked } from '../consent/marketing-blocked-countries';
import type { SendRefusal } from '../send-policy/can-send';
import type { TemplateCategory } from '../send-policy/category';
import { decideSend } from '../send-policy/decide';
import { isWindowOpen } from '../send-policy/window';
import type { SlotValues, TemplateShape } from '../templates/render';
import { matchesAudience } from './audience';
import { emptyFieldsFor, missingFor, valuesFor } from './mapping';
import { tierLimit, type AudienceContact, type CampaignAudience, type MessagingTier, type ParameterMapping } from './types';

/** Every reason a contact of the audience is not sent to. */
export type SkipReason = SendRefusal | 'missing_parameter' | 'over_messaging_limit';

/** All skip reasons, in the order the dry run checks them (for tables and translations). */
export const SKIP_REASONS: readonly SkipReason[] = [
  'no_consent',
  'pending',
  'opted_out',
  'user_stopped_marketing',
  'bounced',
  'marketing_blocked_country',
  'window_closed',
  'missing_parameter',
  'over_messaging_limit',
];

/** What the dry run needs; everything time- or store-dependent is passed in. */
export interface DryRunInput {
  contacts: Iterable<AudienceContact>;
  audience: CampaignAudience;
  /** The template as the catalogue describes it now (its current category decides the consent purpose). */
  template: TemplateShape & { category: TemplateCategory };
  mapping: ParameterMapping;
  /** Campaigns send templates; `session` applies the free-form rule (an open 24 h window) instead. */
  kind?: 'template' | 'session';
  now: number;
  /** The number's tier and the E.164 numbers already reached with templates outside the window in the last 24 h. */
  limit: { tier: MessagingTier; reached: ReadonlySet<string> };
  /** Meta's marketing block by country; the gate's own list by default. */
  blocked?: (e164: string, now: number) => boolean;
}

/** A contact who will receive the message. */
export interface PlannedRecipient {
  contactId: string;
  name: string;
  phone: string;
  values: SlotValues;
}

/** A contact who will not, and why. */
export interface SkippedRecipient {
  contactId: string;
  name: string;
  phone: string;
  reason: SkipReason;
  /** For missing_parameter: the empty slots. */
  detail?: string;
}

/** The messaging-limit picture before and after the campaign. */
export interface BudgetView {
  tier: MessagingTier;
  /** null = unlimited. */
  limit: number | null;
  used: number;
  remaining: number | null;
  /** New unique customers this campaign reaches outside their window (what it costs against the limit). */
  consumes: number;
}

/** The dry run's answer. */
export interface DryRunResult {
  send: PlannedRecipient[];
  skipped: SkippedRecipient[];
  counts: { audience: number; send: number; skipped: number; byReason: Partial<Record<SkipReason, number>> };
  budget: BudgetView;
}

/** The gate's decision for one contact, built exactly as the send-time gate builds it. */
export function consentDecision(
  contact: AudienceContact,
  category: TemplateCategory,
  kind: 'template' | 'session',
  now: number,
  blocked: (e164: string, now: number) => boolean = isMarketingBlocked,
): { ok: true } | { ok: false; reason: SendRefusal } {
  const decision = decideSend(contact, kind === 'session' ? { kind: 'text', origin: 'reply' } : { kind: 'template', category }, { now, blocked });
  return decision.ok ? decision : { ok: false, reason: decision.reason };
}

/** True while the customer's own message keeps their 24 h window open (templates then do not count against the limit). */
export function windowOpen(contact: Pick<AudienceContact, 'lastInboundAt'>, now: number): boolean {
  return isWindowOpen(contact.lastInboundAt, now);
}

/** Runs the dry run over the audience (one pass; contacts in the order given). */
export function dryRun(input: DryRunInput): DryRunResult {
  const kind = input.kind ?? 'template';
  const limit = tierLimit(input.limit.tier);
  let remaining = Math.max(0, limit - input.limit.reached.size);
  const send: PlannedRecipient[] = [];
  const skipped: SkippedRecipient[] = [];
  const byReason: Partial<Record<SkipReason, number>> = {};
  const seenPhones = new Set<string>();
  let audience = 0;
  let consumes = 0;
  const skip = (contact: AudienceContact, reason: SkipReason, detail?: string) => {
    skipped.push({ contactId: contact.id, name: contact.name, phone: contact.phone, reason, ...(detail ? { detail } : {}) });
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  };
  for (const contact of input.contacts) {
    if (!matchesAudience(contact, input.audience)) continue;
    audience += 1;
    const decision = consentDecision(contact, input.template.category, kind, input.now, input.blocked);
    if (!decision.ok) {
      skip(contact, decision.reason);
      continue;
    }
    const missing = kind === 'template' ? missingFor(input.template, input.mapping, contact) : [];
    if (missing.length > 0) {
      skip(contact, 'missing_parameter', missing.join(', '));
      continue;
    }
    // Already reached today, inside the window, or the same number twice: no new customer against the limit.
    const free = kind === 'session' || input.limit.reached.has(contact.phone) || seenPhones.has(contact.phone) || windowOpen(contact, input.now);
    if (!free) {
      if (remaining <= 0) {
        skip(contact, 'over_messaging_limit');
        continue;
      }
      remaining -= 1;
      consumes += 1;
    }
    seenPhones.add(contact.phone);
    send.push({ contactId: contact.id, name: contact.name, phone: contact.phone, values: valuesFor(input.template, input.mapping, contact) });
  }
  const finite = Number.isFinite(limit);
  return {
    send,
    skipped,
    counts: { audience, send: send.length, skipped: skipped.length, byReason },
    budget: {
      tier: input.limit.tier,
      limit: finite ? limit : null,
      used: input.limit.reached.size,
      remaining: finite ? Math.max(0, limit - input.limit.reached.size) : null,
      consumes,
    },
  };
}

/** A recipient whose exact message the dry run shows: the values, and which slots are empty in the contact. */
export interface PreviewRecipient {
  contactId: string;
  name: string;
  phone: string;
  values: SlotValues;
  /** Slots filled from a contact field that is empty here (the fallback shows instead). */
  empty: string[];
  /** Slots that would go out empty: the campaign cannot start while any recipient has one. */
  missing: string[];
}

/**
 * The few real recipients the dry run renders: the first whose value would be empty (why start refuses), the first
 * whose mapped field is empty (what its fallback looks like), then the first others, `count` in all at most + 1.
 */
export function previewRecipients(result: DryRunResult, template: TemplateShape, mapping: ParameterMapping, count = 3): PreviewRecipient[] {
  const picks: PreviewRecipient[] = [];
  const blank = result.skipped.find((s) => s.reason === 'missing_parameter');
  if (blank) picks.push({ ...pick(blank, template, mapping), missing: missingFor(template, mapping, blank) });
  const withEmpty = result.send.find((r) => emptyFieldsFor(mapping, r).length > 0);
  if (withEmpty) picks.push(pick(withEmpty, template, mapping));
  for (const r of result.send) {
    if (picks.length >= count + (blank ? 1 : 0)) break;
    if (r !== withEmpty) picks.push(pick(r, template, mapping));
  }
  return picks;
}

function pick(r: { contactId: string; name: string; phone: string }, template: TemplateShape, mapping: ParameterMapping): PreviewRecipient {
  return { contactId: r.contactId, name: r.name, phone: r.phone, values: valuesFor(template, mapping, r), empty: emptyFieldsFor(mapping, r), missing: [] };
}

/**
 * The rule that keeps an empty value off the wire: how many consenting recipients the mapping leaves a placeholder
 * empty for, and which placeholders. Start refuses while the count is above zero (the dry run lists them).
 */
export function emptyValues(result: DryRunResult): { count: number; slots: string[] } {
  const blanks = result.skipped.filter((s) => s.reason === 'missing_parameter');
  const slots = new Set(blanks.flatMap((s) => (s.detail ?? '').split(', ').filter(Boolean)));
  return { count: blanks.length, slots: [...slots] };
}
