import { randomBytes } from 'node:crypto';
import { startCloudEmulator, defaultTemplates } from '../../../tools/cloud-emulator';
import type { EmulatorTemplate } from '../../../tools/cloud-emulator';
import { createCloudClient, type CloudClient } from '../cloud/client';
import type { SecretVault } from '../secret-vault';
import type { SettingsStore } from '../settings-store';
import { createWebhookReceiver, type OwnNumber, type WebhookBatch, type WebhookReceiverStats } from '../webhook';

/** Connection settings kept in settings.json (secrets live in the vault). */
export interface CloudSettings {
  mode: 'sandbox' | 'live' | 'not_connected';
  phoneNumberId: string;
  wabaId: string;
  apiVersion: string;
  baseUrl: string;
  webhookPort: number;
  throughputPerSecond: number;
  /** The number's display digits as Meta reported them ("Test connection"); quality reports are matched on it. */
  displayPhoneNumber?: string;
}

/** settings.json flag: true once sandbox mode ran, false once a live start has closed what it simulated. */
const SANDBOX_CONSENT_FLAG = 'sandboxConsentToClose';

/** Names of the secrets in the vault. */
export const SECRET = { token: 'cloud.accessToken', appSecret: 'cloud.appSecret', verifyToken: 'cloud.verifyToken' } as const;

/** Templates the sandbox offers besides the emulator's defaults: the welcome message every opt-in triggers. */
export const SANDBOX_TEMPLATES: EmulatorTemplate[] = [
  {
    name: 'optin_welcome',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: "Welcome to {{1}} on WhatsApp! You'll get the messages you agreed to. Reply STOP at any time to stop." },
    ],
  },
];

type Emulator = Awaited<ReturnType<typeof startCloudEmulator>>;
type Receiver = ReturnType<typeof createWebhookReceiver>;

/** Default settings: not connected, Meta's production address, the documented default throughput. */
export function defaultCloudSettings(): CloudSettings {
  return {
    mode: 'not_connected',
    phoneNumberId: '',
    wabaId: '',
    apiVersion: 'v23.0',
    baseUrl: 'https://graph.facebook.com',
    webhookPort: 8787,
    throughputPerSecond: 80,
  };
}

/**
 * Owns the live pieces of the connection: the Cloud API client, the webhook receiver and, in sandbox mode, the
 * in-process emulator that the same client talks to and that posts signed webhooks to the same receiver.
 */
export class CloudRuntime {
  private active: { client: CloudClient | null; receiver: Receiver | null; emulator: Emulator | null; webhookUrl: string | null } = {
    client: null,
    receiver: null,
    emulator: null,
    webhookUrl: null,
  };

  constructor(
    private readonly deps: {
      settings: SettingsStore;
      vault: SecretVault;
      onWebhook: (batch: WebhookBatch) => Promise<void>;
      isDuplicate?: (key: string) => boolean | Promise<boolean>;
      log?: (message: string) => void;
      /** Called before the switch takes effect (sandbox ↔ live), so queued messages of one never go out in the other. */
      onModeChange?: (from: CloudSettings['mode'], to: CloudSettings['mode']) => Promise<void>;
      /**
       * Runs before a live connection exists (after the sandbox's receiver has stopped), on every start in live mode:
       * closes the opt-ins the sandbox simulated, so none of them can let a real message out. A failure stops the
       * start: better no live connection than one that could send on simulated consent.
       */
      beforeLive?: () => Promise<void>;
      /** How fast the sandbox reports sent/delivered/read (slow enough to watch by default; tests go faster). */
      sandbox?: { statusDelays?: { sent: number; delivered: number; read: number }; pairIntervalMs?: number };
      /** The live client's fetch: Chromium's in Electron (system proxy, OS certificates); Node's by default. */
      fetch?: typeof fetch;
    },
  ) {}

  /** The stored settings, defaults filled in. */
  settings(): CloudSettings {
    const stored = this.deps.settings.data.connection as Partial<CloudSettings> | undefined;
    const profileMode = this.deps.settings.data.profile?.mode;
    const mode = stored?.mode ?? (profileMode === 'sandbox' ? 'sandbox' : 'not_connected');
    return { ...defaultCloudSettings(), ...stored, mode };
  }

  async saveSettings(change: Partial<CloudSettings>): Promise<void> {
    const before = this.settings().mode;
    await this.deps.settings.update((doc) => {
      doc.connection = { ...this.settings(), ...change };
    });
    const after = this.settings().mode;
    if (before !== after) await this.deps.onModeChange?.(before, after);
    await this.restart();
  }

  /** Keeps the display digits Meta reported for the live number, without restarting anything. */
  async rememberDisplayNumber(display: string): Promise<void> {
    const digits = display.replace(/\D/g, '');
    if (this.settings().mode !== 'live' || digits === '' || digits === this.settings().displayPhoneNumber) return;
    await this.deps.settings.update((doc) => {
      doc.connection = { ...this.settings(), displayPhoneNumber: digits };
    });
  }

  client(): CloudClient | null {
    return this.active.client;
  }

  emulator(): Emulator | null {
    return this.active.emulator;
  }

  webhookUrl(): string | null {
    return this.active.webhookUrl;
  }

  /** The receiver's counters (accepted, rejected, dropped for another number…), while one is running. */
  webhookStats(): WebhookReceiverStats | null {
    return this.active.receiver?.stats() ?? null;
  }

  /** Starts whatever the settings ask for; in sandbox mode everything runs on loopback with throwaway secrets. */
  async start(): Promise<void> {
    const settings = this.settings();
    if (settings.mode === 'sandbox') {
      // Written before the sandbox can record anything: the next live start then checks for simulated opt-ins.
      if (this.deps.settings.data[SANDBOX_CONSENT_FLAG] !== true) {
        await this.deps.settings.update((doc) => {
          doc[SANDBOX_CONSENT_FLAG] = true;
        });
      }
      const own = () => ({ phoneNumberId: emulator.phoneNumberId, wabaId: emulator.wabaId, displayPhoneNumber: emulator.displayPhoneNumber });
      const receiver = this.receiver(0, () => 'sandbox-verify', () => emulator.appSecret, own, true);
      const started = await receiver.start();
      const emulator = await startCloudEmulator({
        webhookUrl: started.url,
        // Only this runtime knows it: no web page, and no other process, can drive the sandbox's control routes.
        controlToken: randomBytes(24).toString('hex'),
        templates: [...defaultTemplates(), ...SANDBOX_TEMPLATES],
        throughputPerSecond: settings.throughputPerSecond,
        statusDelays: this.deps.sandbox?.statusDelays ?? { sent: 300, delivered: 900, read: 2500 },
        ...(this.deps.sandbox?.pairIntervalMs !== undefined ? { pairIntervalMs: this.deps.sandbox.pairIntervalMs } : {}),
      });
      this.active = {
        emulator,
        receiver,
        webhookUrl: started.url,
        client: createCloudClient({
          baseUrl: emulator.url,
          apiVersion: settings.apiVersion,
          phoneNumberId: emulator.phoneNumberId,
          wabaId: emulator.wabaId,
          getAccessToken: () => emulator.accessToken,
        }),
      };
      return;
    }
    if (settings.mode === 'live') {
      // Unset (a data folder from before the flag existed) counts as "the sandbox may have been used".
      if (this.deps.beforeLive && this.deps.settings.data[SANDBOX_CONSENT_FLAG] !== false) {
        await this.deps.beforeLive();
        await this.deps.settings.update((doc) => {
          doc[SANDBOX_CONSENT_FLAG] = false;
        });
      }
      const token = await this.deps.vault.get(SECRET.token);
      const appSecret = await this.deps.vault.get(SECRET.appSecret);
      const verifyToken = await this.deps.vault.get(SECRET.verifyToken);
      const own = (): OwnNumber => {
        const current = this.settings();
        return { phoneNumberId: current.phoneNumberId, wabaId: current.wabaId, displayPhoneNumber: current.displayPhoneNumber };
      };
      const receiver = this.receiver(settings.webhookPort, () => verifyToken ?? '', () => appSecret ?? undefined, own, false);
      let webhookUrl: string | null = null;
      try {
        webhookUrl = (await receiver.start()).url;
      } catch (error) {
        this.deps.log?.(`webhook receiver could not listen on port ${settings.webhookPort}: ${(error as Error).message}`);
      }
      this.active = {
        emulator: null,
        receiver: webhookUrl ? receiver : null,
        webhookUrl,
        client: token
          ? createCloudClient({
              baseUrl: settings.baseUrl,
              apiVersion: settings.apiVersion,
              phoneNumberId: settings.phoneNumberId,
              wabaId: settings.wabaId,
              // Read per call, so a reconnect with a new token needs no restart of senders.
              getAccessToken: () => token,
              ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
            })
          : null,
      };
    }
  }

  async stop(): Promise<void> {
    const { receiver, emulator } = this.active;
    this.active = { client: null, receiver: null, emulator: null, webhookUrl: null };
    await receiver?.close();
    await emulator?.close();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private receiver(port: number, verifyToken: () => string, getAppSecret: () => string | undefined, ownNumber: () => OwnNumber, sandbox: boolean): Receiver {
    return createWebhookReceiver({
      verifyToken,
      getAppSecret,
      ownNumber,
      // Everything the sandbox's emulator posts is marked, so what it leads to is recorded as made in the sandbox.
      onPayload: (batch) => this.deps.onWebhook(sandbox ? { ...batch, events: batch.events.map((e) => ({ ...e, sandbox: true as const })) } : batch),
      ...(this.deps.isDuplicate ? { isDuplicate: this.deps.isDuplicate } : {}),
      port,
      host: '127.0.0.1',
      ...(this.deps.log ? { log: (entry) => this.deps.log?.(`webhook: ${JSON.stringify(entry)}`) } : {}),
    });
  }
}
