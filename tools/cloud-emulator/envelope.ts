/** Graph-style error envelopes exactly as docs/cloud-api.md shows them. */
import { randomBytes } from 'node:crypto';
import { cloudErrorInfo } from '../../main/services/cloud/errors';

/** An error answer: status plus the envelope body. */
export interface EmulatedError {
  httpStatus: number;
  body: { error: Record<string, unknown> };
}

/** Builds `{"error":{message,type,code,error_data,error_subcode?,fbtrace_id}}` with Meta's usual HTTP status for the code. */
export function errorEnvelope(
  code: number,
  details: string,
  extra: { httpStatus?: number; subcode?: number; message?: string } = {},
): EmulatedError {
  const info = cloudErrorInfo(code);
  const error: Record<string, unknown> = {
    message: extra.message ?? `(#${code}) ${info.description}`,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
  };
  if (extra.subcode !== undefined) error.error_subcode = extra.subcode;
  error.fbtrace_id = randomBytes(12).toString('base64url');
  return { httpStatus: extra.httpStatus ?? info.httpStatus, body: { error } };
}

/** A `wamid.` id: base64url of random bytes, well under 128 characters. */
export function newWamid(): string {
  return `wamid.${randomBytes(30).toString('base64url')}`;
}
