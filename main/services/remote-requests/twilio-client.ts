import { AppError } from '../app-error';

/** How to reach one Twilio account; the auth token comes from the vault at call time. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Our sending number (E.164). */
  fromNumber: string;
  /** https://api.twilio.com normally; a loopback fake in tests. */
  baseUrl: string;
}

/** An inbound SMS as the app uses it. */
export interface InboundSms {
  sid: string;
  from: string;
  to: string;
  body: string;
  /** Milliseconds since the epoch (from Twilio's RFC 2822 date_sent). */
  sentAt: number;
}

/** Twilio's REST Messages API: send one SMS, list the SMS sent to our number. */
export class TwilioClient {
  constructor(
    private readonly config: TwilioConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private url(query = ''): string {
    const base = this.config.baseUrl.replace(/\/+$/, '');
    return `${base}/2010-04-01/Accounts/${encodeURIComponent(this.config.accountSid)}/Messages.json${query}`;
  }

  private headers(): Record<string, string> {
    const basic = Buffer.from(`${this.config.accountSid}:${this.config.authToken}`).toString('base64');
    return { authorization: `Basic ${basic}`, accept: 'application/json' };
  }

  /** Sends `body` to `to` (E.164); resolves with Twilio's message SID. */
  async send(to: string, body: string): Promise<{ sid: string }> {
    const form = new URLSearchParams({ To: to, From: this.config.fromNumber, Body: body });
    const response = await this.call(this.url(), {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const json = (await response.json()) as { sid?: unknown };
    if (typeof json.sid !== 'string') throw new AppError('sms_failed', 'Twilio accepted the SMS but returned no message id.');
    return { sid: json.sid };
  }

  /** Inbound messages to our number, newest first as Twilio lists them (first page: up to `pageSize`). */
  async inbound(pageSize = 100): Promise<InboundSms[]> {
    const query = `?${new URLSearchParams({ To: this.config.fromNumber, PageSize: String(pageSize) }).toString()}`;
    const response = await this.call(this.url(query), { method: 'GET', headers: this.headers() });
    const json = (await response.json()) as { messages?: Record<string, unknown>[] };
    return (json.messages ?? [])
      .filter((m) => m.direction === 'inbound' && typeof m.sid === 'string' && typeof m.from === 'string')
      .map((m) => ({
        sid: m.sid as string,
        from: m.from as string,
        to: String(m.to ?? ''),
        body: String(m.body ?? ''),
        sentAt: Date.parse(String(m.date_sent ?? m.date_created ?? '')) || 0,
      }));
  }

  private async call(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch {
      throw new AppError('sms_unreachable', 'Could not reach Twilio. Check the internet connection and the Twilio base URL in Settings.');
    }
    if (response.ok) return response;
    let detail = '';
    try {
      const error = (await response.json()) as { code?: number; message?: string };
      detail = error.message ? ` (Twilio ${error.code ?? response.status}: ${error.message})` : '';
    } catch {
      // not JSON: the status alone says enough
    }
    if (response.status === 401) {
      throw new AppError('sms_auth', 'Twilio refused the account SID or auth token. Enter them again in Settings.');
    }
    throw new AppError('sms_failed', `Twilio did not accept the request: HTTP ${response.status}${detail}.`);
  }
}
