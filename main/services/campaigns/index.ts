/** Campaigns: durable plans, outbox items per recipient, progress, auto-pause and results export. */
export { CampaignsService, type CampaignsDeps, type CampaignDraft } from './campaigns-service';
export type { CampaignRecord, CampaignPlan } from './campaign-record';
export { resultsCsv, resultRows, type ResultRow } from './campaign-csv';
export { pauseReasonText } from './pause-reason';
