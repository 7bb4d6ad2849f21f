/** Runs the pure dry run against the live ledger, template catalogue and outbox. */
import { dryRun, reachedInWindow, type AudienceContact, type DryRunResult, type MessagingTier } from '../../../shared/domain/campaigns';
import { toTemplateCategory, type TemplateCategory } from '../../../shared/domain/send-policy';
import { AppError } from '../app-error';
import type { CloudTemplate } from '../cloud/schemas';
import { refreshForTime } from '../consent/contact-record';
import type { ConsentLedger } from '../consent/ledger';
import type { Outbox } from '../outbox';
import type { TemplatesService } from '../templates-service';
import type { CampaignRecord } from './campaign-record';

/** What the planner reads from. */
export interface PlannerDeps {
  ledger: ConsentLedger;
  templates: TemplatesService;
  outbox: Outbox;
  tier: () => MessagingTier;
  now: () => Date;
}

/** The template's current category, as the gate will read it at send time. */
export function currentCategory(template: CloudTemplate | undefined, fallback: TemplateCategory): TemplateCategory {
  return toTemplateCategory(template?.category, fallback);
}

/** Every contact, consent refreshed for `now` the way the gate refreshes it. */
export function* audienceContacts(ledger: ConsentLedger, now: number): Generator<AudienceContact> {
  const { records } = ledger.search({ text: '', offset: 0, limit: Number.MAX_SAFE_INTEGER });
  for (const r of records) {
    yield {
      id: r.id,
      name: r.name,
      phone: r.phone,
      tags: r.tags,
      lastInboundAt: r.lastInboundAt,
      lastStopAt: r.lastStopAt,
      derived: {
        marketing: refreshForTime(r.derived.marketing, now, r.lastInboundAt),
        utility: refreshForTime(r.derived.utility, now, r.lastInboundAt),
      },
    };
  }
}

/** Numbers reached with templates in the rolling 24 h, and the budget left in the configured tier. */
export function reachedNow(deps: Pick<PlannerDeps, 'outbox' | 'now'>): Set<string> {
  return reachedInWindow(deps.outbox.list({ limit: Number.MAX_SAFE_INTEGER }), deps.now().getTime());
}

/** The dry run of a stored campaign, now. */
export function planCampaign(deps: PlannerDeps, campaign: CampaignRecord): { result: DryRunResult; template: CloudTemplate } {
  const template = deps.templates.find(campaign.template.name, campaign.template.language);
  if (!template) throw new AppError('not_found', 'The campaign’s template is no longer in the synced list. Sync templates and try again.', 'template');
  const now = deps.now().getTime();
  const result = dryRun({
    contacts: audienceContacts(deps.ledger, now),
    audience: campaign.audience,
    template: { ...template, category: currentCategory(template, campaign.template.category) },
    mapping: campaign.mapping,
    now,
    limit: { tier: deps.tier(), reached: reachedNow(deps) },
  });
  return { result, template };
}
