import { z } from 'zod';
import { CONSENT_METHODS, CONSENT_PURPOSES } from '../domain/consent/event';
import { MESSAGING_TIERS } from '../domain/campaigns/types';
import { SKIP_REASONS } from '../domain/campaigns/dry-run';
import { channel, NoArgs } from './define';
import { ParameterMappingSchema, SlotSourceSchema } from './template-mappings';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Who the campaign is for. */
export const AudienceSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  tags: z.array(z.string().trim().min(1).max(30)).max(50).default([]),
  filters: z
    .object({
      state: z.enum(['none', 'pending', 'opted_in', 'opted_out']).optional(),
      method: z.enum(CONSENT_METHODS).optional(),
      country: z.string().regex(/^[A-Z]{2}$/, 'Choose a country.').optional(),
    })
    .default({}),
});

/** Delivery counts of a campaign: queued = every message that entered the outbox; the rest reached at least that step. */
export const CampaignCountsSchema = z.object({
  queued: z.number().int(),
  waiting: z.number().int(),
  accepted: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  unknown: z.number().int(),
  /** Messages whose sending is over (accepted or further, failed, skipped, unknown). */
  done: z.number().int(),
});
export type CampaignCounts = z.infer<typeof CampaignCountsSchema>;

/** Why a campaign was paused, for the UI to say in its language (`pauseReason` keeps the English sentence). */
export const PAUSE_CAUSES = ['owner', 'template_paused', 'template_disabled', 'spam_limit', 'quality_flagged', 'limit_lowered'] as const;
export const PauseCauseSchema = z.object({
  kind: z.enum(PAUSE_CAUSES),
  /** The template's name (template_paused / template_disabled). */
  template: z.string().optional(),
  /** The new daily limit as digits, or "unlimited" (limit_lowered). */
  limit: z.string().optional(),
});
export type PauseCause = z.infer<typeof PauseCauseSchema>;

/** A campaign as the list and the detail show it. */
export const CampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  template: z.object({ name: z.string(), language: z.string(), category: z.string() }),
  audience: AudienceSchema,
  /** The format a template's saved mapping has (stored campaigns were always in it). */
  mapping: z.record(z.string(), SlotSourceSchema),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: z.string().optional(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  pauseReason: z.string().optional(),
  pauseCause: PauseCauseSchema.optional(),
  /** Set once started: how many the dry run at start planned to send and skipped. */
  planned: z.object({ send: z.number().int(), skipped: z.number().int() }).optional(),
  counts: CampaignCountsSchema,
});
export type CampaignView = z.infer<typeof CampaignSchema>;

const SkipReasonSchema = z.enum(SKIP_REASONS as unknown as [string, ...string[]]);

/** The dry run as the UI shows it (the skipped list is capped; counts are complete). */
export const DryRunSchema = z.object({
  audience: z.number().int(),
  send: z.number().int(),
  skippedTotal: z.number().int(),
  byReason: z.record(z.string(), z.number().int()),
  skipped: z.array(z.object({ contactId: z.string(), name: z.string(), phone: z.string(), reason: SkipReasonSchema, detail: z.string().optional() })),
  budget: z.object({
    tier: z.enum(MESSAGING_TIERS),
    limit: z.number().int().nullable(),
    used: z.number().int(),
    remaining: z.number().int().nullable(),
    consumes: z.number().int(),
  }),
  /** What it costs: one template message per recipient. */
  messages: z.number().int(),
  /** A sample recipient for the preview. */
  sample: z.object({ name: z.string(), phone: z.string(), values: z.record(z.string(), z.string()) }).nullable(),
  /** The exact messages a few real recipients get, one with an empty field among them when there is one. */
  previews: z.array(
    z.object({
      contactId: z.string(),
      name: z.string(),
      phone: z.string(),
      header: z.string().optional(),
      body: z.string(),
      footer: z.string().optional(),
      /** Placeholders whose contact field is empty here (the fallback shows). */
      empty: z.array(z.string()),
      /** Placeholders that would go out empty. */
      missing: z.array(z.string()),
    }),
  ),
  /** Recipients a placeholder would reach empty, and which placeholders: start refuses while count > 0. */
  emptyValues: z.object({ count: z.number().int(), slots: z.array(z.string()) }),
});
export type DryRunView = z.infer<typeof DryRunSchema>;

/** The campaign with its funnel and failure reasons. */
export const CampaignDetailSchema = CampaignSchema.extend({
  failedByReason: z.record(z.string(), z.number().int()),
  skippedByReason: z.record(z.string(), z.number().int()),
  /** Left out when it started (the dry run's reasons: consent, empty value, messaging limit), by reason. */
  plannedSkippedByReason: z.record(z.string(), z.number().int()),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

/** Live progress (at most every 100 ms per campaign). */
export const CampaignProgressSchema = z.object({
  id: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  pauseReason: z.string().optional(),
  counts: CampaignCountsSchema,
});
export type CampaignProgress = z.infer<typeof CampaignProgressSchema>;

const Id = z.object({ id: z.string().min(1, 'Choose a campaign.') });

/** What a draft is made of, as the create and edit forms send it. */
const DraftFields = z.object({
  name: z.string().trim().min(1, 'Give the campaign a name.').max(80, 'Keep the name under 80 characters.'),
  template: z.object({ name: z.string().min(1, 'Choose a template.'), language: z.string().min(2, 'Choose a template.') }),
  audience: AudienceSchema,
  mapping: ParameterMappingSchema.default({}),
});

/** Campaigns: create, dry run, send or schedule, pause/resume/cancel, funnel and export. */
export const campaignChannels = {
  'campaigns:list': channel(NoArgs, z.object({ campaigns: z.array(CampaignSchema) })),
  'campaigns:create': channel(DraftFields, CampaignSchema, { owner: true }),
  /** Changes a draft (only a draft: a started campaign's plan is what was sent). */
  'campaigns:update': channel(DraftFields.extend({ id: Id.shape.id }), CampaignSchema, { owner: true }),
  /** A new draft with the same template, audience and mapping (any campaign can be copied). */
  'campaigns:duplicate': channel(Id, CampaignSchema, { owner: true }),
  /**
   * Removes a draft, or a finished campaign's record from the list; the messages it sent stay in the outbox and the
   * consent evidence in the ledger (an active campaign must be cancelled first).
   */
  'campaigns:delete': channel(Id, z.object({ id: z.string(), keptMessages: z.number().int() }), { owner: true }),
  /** Sends the draft's template, filled as for the first recipient, to the shop's own number from the profile. */
  'campaigns:testSend': channel(Id, z.object({ to: z.string(), messageId: z.string() }), { owner: true }),
  'campaigns:dryRun': channel(Id, DryRunSchema),
  'campaigns:start': channel(
    Id.extend({ at: z.string().datetime({ offset: true, message: 'Choose a valid date and time.' }).optional() }),
    CampaignSchema,
    { owner: true },
  ),
  'campaigns:pause': channel(Id, CampaignSchema, { owner: true }),
  'campaigns:resume': channel(Id, CampaignSchema, { owner: true }),
  'campaigns:cancel': channel(Id, CampaignSchema, { owner: true }),
  'campaigns:get': channel(Id, CampaignDetailSchema),
  'campaigns:export': channel(Id, z.object({ fileName: z.string(), csv: z.string() }), { owner: true }),
  'campaigns:limit': channel(NoArgs, z.object({ tier: z.enum(MESSAGING_TIERS), used: z.number().int(), remaining: z.number().int().nullable() })),
  'campaigns:setLimit': channel(z.object({ tier: z.enum(MESSAGING_TIERS) }), z.object({ tier: z.enum(MESSAGING_TIERS) }), { owner: true }),
};
