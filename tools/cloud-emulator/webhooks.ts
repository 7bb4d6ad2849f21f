/** Signed webhook posting for the emulator: scheduling, retries on non-200, and an idle() for tests. */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { WebhookDelivery } from './types';

/** Where the webhooks go and how they are signed, read at post time so control changes apply at once. */
export interface PosterSettings {
  getUrl: () => string | null;
  getSecret: () => string;
  getRetries: () => number;
  getRetryDelayMs: () => number;
  getRetryMaxDelayMs: () => number;
  clock: () => number;
  record: (delivery: WebhookDelivery) => void;
}

/** Posts webhook bodies now or later and knows when nothing is left in flight. */
export interface WebhookPoster {
  schedule(delayMs: number, body: string, kind: WebhookDelivery['kind']): void;
  post(body: string, kind: WebhookDelivery['kind']): Promise<number | null>;
  idle(): Promise<void>;
  cancelAll(): void;
}

/**
 * Creates the poster. It keeps a few connections alive: a fresh connection (and fetch's stream machinery) per status
 * stalled the emulator's event loop for tens of ms at 240 webhooks/s, bunching the arrival times it rate-limits on.
 */
export function createWebhookPoster(settings: PosterSettings): WebhookPoster {
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let generation = 0;
  let waiters: (() => void)[] = [];
  const agentOptions = { keepAlive: true, maxSockets: 8, timeout: 10_000 };
  let agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  const settle = (): void => {
    if (timers.size === 0 && inFlight === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };

  function request(url: string, body: string, signature: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const req = (secure ? https : http).request(target, {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-hub-signature-256': signature },
        timeout: 10_000,
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('webhook timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }

  async function attempt(body: string, kind: WebhookDelivery['kind']): Promise<number | null> {
    const url = settings.getUrl();
    if (!url) return null;
    const signature = `sha256=${createHmac('sha256', settings.getSecret()).update(body).digest('hex')}`;
    try {
      const httpStatus = await request(url, body, signature);
      settings.record({ body, signature, httpStatus, error: undefined, kind, at: settings.clock() });
      return httpStatus;
    } catch (error) {
      settings.record({ body, signature, httpStatus: null, error: (error as Error).message, kind, at: settings.clock() });
      return null;
    }
  }

  async function post(body: string, kind: WebhookDelivery['kind']): Promise<number | null> {
    const mine = generation;
    inFlight++;
    try {
      let status = await attempt(body, kind);
      for (let retry = 0; status !== 200 && settings.getUrl() && retry < settings.getRetries() && mine === generation; retry++) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(settings.getRetryMaxDelayMs(), settings.getRetryDelayMs() * 2 ** retry)));
        status = await attempt(body, kind);
      }
      return status;
    } finally {
      inFlight--;
      settle();
    }
  }

  return {
    schedule(delayMs, body, kind) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void post(body, kind).finally(settle);
      }, Math.max(0, delayMs));
      timers.add(timer);
    },
    post,
    idle() {
      if (timers.size === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    cancelAll() {
      generation++;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Kept-alive sockets would hold either side's close() open.
      agents.http.destroy();
      agents.https.destroy();
      agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
      settle();
    },
  };
}

/** Identity of the emulated business number, placed in every webhook. */
export interface WebhookIdentity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** The Meta envelope around one change value. */
export function webhookEnvelope(identity: WebhookIdentity, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: identity.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: identity.displayPhoneNumber, phone_number_id: identity.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}
