/** The durable outbox and sender engine. */
export { Outbox } from './outbox';
export { OutboxError, ownerOutboxCall, type OutboxErrorCode } from './outbox-errors';
export type { OutboxClient, GateDecision, OutboxAlert, ContactSignal, OutboxDeps, OutboxStatus, OutboxListQuery } from './outbox-types';
export {
  OUTBOX_STATES,
  OUTBOX_ORIGINS,
  DELIVERY_STATES,
  outboxItemSchema,
  outboxInputSchema,
  outboxTemplateSchema,
  outboxReasonSchema,
  canAdvance,
  isTerminal,
  stateRank,
  type OutboxItem,
  type OutboxInput,
  type OutboxState,
  type OutboxOrigin,
  type OutboxTemplate,
  type OutboxReason,
} from './outbox-item';
export { countItems, reasonKey, type OutboxCounts } from './outbox-counts';
export type { PauseInfo } from './outbox-control';
export { reduceStatus, type OutboxStatusEvent, type StatusOutcome } from './status-update';
export { backoffDelay, decideSendFailure, type RetryPolicy, type SendFailureDecision } from './send-failure';
