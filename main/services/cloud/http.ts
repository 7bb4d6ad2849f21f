/** One authorised JSON call to the Graph API, turning every failure into CloudApiError or CloudNetworkError. */
import type { z } from 'zod';
import { CloudApiError, CloudNetworkError } from './errors';
import { errorEnvelopeSchema } from './schemas';

/** What a single Graph call needs. */
export interface GraphRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  schema: z.ZodType<T>;
}

/** Shared settings of the calls. */
export interface GraphTransport {
  fetch: typeof globalThis.fetch;
  getAccessToken: () => string;
  timeoutMs: number;
}

/** Performs the call; the token is only ever placed in the Authorization header and is scrubbed from any text we keep. */
export async function graphCall<T>(transport: GraphTransport, request: GraphRequest<T>): Promise<T> {
  const token = transport.getAccessToken();
  const scrub = (text: string): string => (token ? text.split(token).join('[redacted]') : text);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await transport.fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
  } catch (error) {
    throw networkError(error, request.method, scrub);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw networkError(error, request.method, scrub);
  }
  const json = parseJson(text);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (envelope.success) {
      const e = envelope.data.error;
      const details = e.error_data?.details ?? e.message;
      throw new CloudApiError({
        code: e.code,
        subcode: e.error_subcode,
        details: details === undefined ? undefined : scrub(details),
        httpStatus: response.status,
        fbtraceId: e.fbtrace_id,
        type: e.type,
      });
    }
    // A proxy or load balancer answered, not the Graph API: decide by status class.
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new CloudNetworkError('bad_response', request.method === 'GET' ? 'not_sent' : 'unknown', `HTTP ${response.status} without a Graph error body`, response.status);
    }
    throw new CloudApiError({ code: -1, httpStatus: response.status, details: `HTTP ${response.status} without a Graph error body` });
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    throw new CloudNetworkError('bad_response', request.method === 'GET' ? 'not_sent' : 'unknown', `unexpected answer shape (HTTP ${response.status})`, response.status);
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Refused connections surely did not reach the API; anything after the request left may have been acted upon. */
function networkError(error: unknown, method: string, scrub: (s: string) => string): CloudNetworkError {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const unknownOutcome = method === 'GET' ? 'not_sent' : 'unknown';
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new CloudNetworkError('timeout', unknownOutcome, 'no answer in time');
  }
  const code = err?.cause?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL'].includes(code)) {
    return new CloudNetworkError('offline', 'not_sent', code);
  }
  const detail = scrub(code || err?.cause?.message || err?.message || 'network failure');
  return new CloudNetworkError('connection_lost', unknownOutcome, detail);
}
