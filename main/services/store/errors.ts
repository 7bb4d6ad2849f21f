/** Why a store operation failed; the UI and the lead's services map each code to a sentence. */
export type StoreErrorCode =
  | 'locked'
  | 'already_open'
  | 'closed'
  | 'corrupt'
  | 'write_failed'
  | 'invalid_record'
  | 'schema_too_new'
  | 'migration_failed'
  | 'backup_invalid'
  | 'restore_failed'
  | 'cancelled';

/** A typed, expected failure of the storage engine, with a specific message. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
