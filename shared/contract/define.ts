import { z } from 'zod';

/** The typed error every channel may return; the UI shows `message` as it is and highlights `field`. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  /** Set when the call may be tried again later (PIN lockout): how many seconds from now. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Expected failures are results, not exceptions: every call resolves to one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How a channel differs from the default: `owner` needs the owner PIN in staff mode. */
export interface ChannelOptions {
  owner?: boolean;
  /**
   * The largest request body the web bridge reads for this channel, in bytes. Without it the bridge's small default
   * applies; only channels that carry files (the CSV import) declare more, here next to their schema.
   */
  maxBodyBytes?: number;
}

/** One IPC channel: schemas for its argument and its result, and its options. */
export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> extends ChannelOptions {
  args: A;
  result: R;
}

/** Declares a channel; keeping the literal types is what lets RendererApi be derived. */
export function channel<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  options: ChannelOptions = {},
): ChannelDef<A, R> {
  return { args, result, ...options };
}

/** Channels that take nothing still take an (empty) object, so every call has one shape on the wire. */
export const NoArgs = z.object({}).strict().optional();

/** The codes the wrapper and services use; services may add their own specific codes. */
export const ErrorCodes = {
  invalidArgument: 'invalid_argument',
  forbiddenSender: 'forbidden_sender',
  unknownChannel: 'unknown_channel',
  notFound: 'not_found',
  conflict: 'conflict',
  ownerPinRequired: 'owner_pin_required',
  internal: 'internal',
} as const;
