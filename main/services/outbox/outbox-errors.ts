/** Typed errors of the outbox's public calls (bad input, unknown ids, a change that the item's state forbids). */
import { AppError } from '../app-error';

/** Why an outbox call was refused. */
export type OutboxErrorCode = 'invalid_item' | 'not_found' | 'invalid_state' | 'not_open' | 'confirmation_required';

/** A refused outbox call; nothing was written. Messages never quote the caller's input (they may reach logs). */
export class OutboxError extends Error {
  override readonly name = 'OutboxError';

  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    /** For invalid_item: the index of the offending input and the field; otherwise the argument at fault. */
    readonly detail?: { index?: number; field?: string },
  ) {
    super(message);
  }
}

/**
 * Runs an owner's outbox call (resend, drop) for a channel handler: a refusal becomes the typed error the dispatcher
 * answers as it is (never a 500, never logged); anything else is a bug and stays an exception.
 */
export async function ownerOutboxCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OutboxError) throw new AppError(error.code, error.message, error.detail?.field);
    throw error;
  }
}
