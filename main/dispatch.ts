import type { z } from 'zod';
import {
  contract,
  ErrorCodes,
  type ApiError,
  type ChannelName,
  type ParsedArgsOf,
  type Result,
  type ResultOf,
} from '../shared/contract';
import { kioskAllows, KioskErrorCodes } from '../shared/contract/kiosk';
import { AppError } from './services/app-error';
import { PinLockedOut } from './services/pin-attempts';

/** Who is calling: the Electron window or the loopback web bridge. */
export interface CallContext {
  transport: 'electron' | 'web-bridge';
}

/** One function per channel; the type makes a missing or mistyped handler a compile error. */
export type Handlers = {
  [C in ChannelName]: (args: ParsedArgsOf<C>, ctx: CallContext) => Promise<ResultOf<C>> | ResultOf<C>;
};

/** Parses, authorises and runs one call; never throws. */
export type Dispatch = (channel: string, rawArgs: unknown, ctx: CallContext) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  handlers: Handlers;
  /** False when a PIN is set and the owner has not unlocked this session. */
  ownerUnlocked: () => boolean;
  /**
   * True while the customer kiosk is on: then only the kiosk's own channels are answered. Both transports pass
   * it (a tab opened beside the kiosk must not reach contacts); left out only by tests of unrelated behaviour.
   */
  kioskOn?: () => boolean;
  /** Where bugs are reported; gets the error, never the arguments (they may hold personal data). */
  logError: (channel: string, error: unknown) => void;
}

/** The one wrapper every channel goes through, whichever transport carried the call. */
export function createDispatcher({ handlers, ownerUnlocked, kioskOn = () => false, logError }: DispatcherOptions): Dispatch {
  return async (channel, rawArgs, ctx) => {
    if (!Object.hasOwn(contract, channel)) {
      return fail({ code: ErrorCodes.unknownChannel, message: `There is no channel called "${channel}".` });
    }
    const name = channel as ChannelName;
    const def = contract[name];
    // Before the owner check and the parsing: while the kiosk is on, other channels learn nothing from a call.
    if (!kioskAllows(name, kioskOn())) {
      return fail({ code: KioskErrorCodes.refused, message: 'The customer kiosk is open. Leave it with the owner PIN first.' });
    }
    if ('owner' in def && def.owner && !ownerUnlocked()) {
      return fail({ code: ErrorCodes.ownerPinRequired, message: 'This needs the owner PIN. Unlock owner mode first.' });
    }
    const parsed = def.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return fail(fromZodError(parsed.error));
    try {
      const handler = handlers[name] as (args: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      // Parsing the result strips anything the schema does not name, so a secret can never ride along by accident.
      const checked = def.result.safeParse(value);
      if (!checked.success) {
        logError(channel, new Error(`result did not match its schema: ${checked.error.message}`));
        return fail(internalError());
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) {
        return fail({
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error instanceof PinLockedOut ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        });
      }
      logError(channel, error);
      return fail(internalError());
    }
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

function internalError(): ApiError {
  return { code: ErrorCodes.internal, message: 'Something went wrong inside the app. Nothing was changed; try again.' };
}

/** Turns the first schema problem into a message and the dotted path of the field it belongs to. */
export function fromZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  return {
    code: ErrorCodes.invalidArgument,
    message: issue?.message ?? 'The request was not valid.',
    ...(field ? { field } : {}),
  };
}
