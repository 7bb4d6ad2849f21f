import { z } from 'zod';

/** The typed error every channel may return; the UI shows `message` as it is and highlights `field`. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Expected failures are results, not exceptions: every call resolves to one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** One IPC channel: schemas for its argument and its result; `owner` channels need the owner PIN in staff mode. */
export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  owner?: boolean;
}

/** Declares a channel; keeping the literal types is what lets RendererApi be derived. */
export function channel<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  options: { owner?: boolean } = {},
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
