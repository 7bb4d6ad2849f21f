/** Campaign rules: audience, parameter mapping, deterministic item ids, dry run and messaging-limit budget. */
export * from './types';
export { matchesAudience } from './audience';
export { valuesFor, missingFor, readSlotSource, readMapping } from './mapping';
export { campaignItemId } from './item-id';
export { dryRun, consentDecision, windowOpen, SKIP_REASONS, type SkipReason, type DryRunInput, type DryRunResult, type PlannedRecipient, type SkippedRecipient, type BudgetView } from './dry-run';
export { reachedInWindow, type ReachedItem } from './messaging-limit';
