/** An expected failure a service reports to the UI: a code, a sentence for people, and the field at fault. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
