import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/contract';
import { OwnerErrorCodes } from '../../../shared/contract/owner';

/** "in 45 seconds" / "dentro de 2 minutos" / "em 2 minutos" / "2 मिनट में", from the browser's own plural rules. */
function inTime(seconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  return seconds < 120 ? format.format(Math.max(1, seconds), 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}

/** What a failed PIN check says in the UI's language: a lockout with its time left, otherwise main's sentence. */
export function pinErrorMessage(error: ApiError, t: TFunction, language: string): string {
  if (error.code === OwnerErrorCodes.pinLockedOut) {
    return t('counter.owner.lockedOut', { when: inTime(error.retryAfterSeconds ?? 60, language) });
  }
  return error.message;
}
