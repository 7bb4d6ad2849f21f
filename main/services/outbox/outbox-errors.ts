/** Typed errors of the outbox's public calls (bad input, unknown ids, a change that the item's state forbids). */

/** Why an outbox call was refused. */
export type OutboxErrorCode = 'invalid_item' | 'not_found' | 'invalid_state' | 'not_open';

/** A refused outbox call; nothing was written. */
export class OutboxError extends Error {
  override readonly name = 'OutboxError';

  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    /** For invalid_item: the index of the offending input and the field. */
    readonly detail?: { index?: number; field?: string },
  ) {
    super(message);
  }
}
