import type { ConnectionStatus } from '../../shared/contract/connection';
import type { Handlers } from '../dispatch';
import { AppError } from '../services/app-error';
import type { AppServices } from '../services/app-services';
import { limitDigits } from '../services/account/number-health';
import { CloudApiError, CloudNetworkError } from '../services/cloud/errors';
import { SECRET } from '../services/connection/cloud-runtime';
import { sandboxNumberInfo } from '../../tools/cloud-emulator/catalogue';

type ConnectionChannels =
  | 'connection:get'
  | 'connection:save'
  | 'connection:setSandbox'
  | 'connection:test'
  | 'connection:resumeOutbox'
  | 'sandbox:simulateInbound'
  | 'sandbox:sent';

/** Cloud API connection, sandbox and sandbox controls. Secrets go into the vault and never come back. */
export function connectionHandlers(services: AppServices): Pick<Handlers, ConnectionChannels> {
  const { runtime, vault } = services;

  async function status(): Promise<ConnectionStatus> {
    const s = runtime.settings();
    const pause = services.messaging.outbox.status().paused;
    const health = services.account.numberHealth();
    return {
      mode: s.mode,
      phoneNumberId: s.phoneNumberId,
      wabaId: s.wabaId,
      apiVersion: s.apiVersion,
      baseUrl: s.baseUrl,
      webhookPort: s.webhookPort,
      webhookUrl: runtime.webhookUrl(),
      throughputPerSecond: s.throughputPerSecond,
      accessTokenSet: (await vault.get(SECRET.token)) !== null,
      appSecretSet: (await vault.get(SECRET.appSecret)) !== null,
      verifyTokenSet: (await vault.get(SECRET.verifyToken)) !== null,
      secretProtection: vault.protection(),
      outboxPaused: pause ? pause.reason.message : null,
      numberHealth: health ? { flagged: health.flagged, limit: limitDigits(health.limit) ?? null, event: health.event, at: new Date(health.at).toISOString() } : null,
    };
  }

  // Simulation exists only in sandbox mode: in live mode these channels answer a typed error and touch nothing.
  function sandbox() {
    const emulator = runtime.settings().mode === 'sandbox' ? runtime.emulator() : null;
    if (!emulator) throw new AppError('not_sandbox', 'This only works in sandbox mode. Turn on sandbox mode in Settings → Connection.');
    return emulator;
  }

  return {
    'connection:get': status,
    'connection:save': async ({ accessToken, appSecret, verifyToken, ...settings }) => {
      if (accessToken) await vault.set(SECRET.token, accessToken);
      if (appSecret) await vault.set(SECRET.appSecret, appSecret);
      if (verifyToken) await vault.set(SECRET.verifyToken, verifyToken);
      await runtime.saveSettings({ ...settings, mode: 'live' });
      return status();
    },
    'connection:setSandbox': async ({ on }) => {
      const s = runtime.settings();
      await runtime.saveSettings({ mode: on ? 'sandbox' : s.phoneNumberId ? 'live' : 'not_connected' });
      return status();
    },
    'connection:test': async () => {
      const client = runtime.client();
      if (!client) throw new AppError('not_connected', 'Enter the phone number ID, account ID and access token first, or turn on sandbox mode.');
      try {
        const phone = await client.getPhoneNumber();
        // Quality reports name the number by these digits: remembered so reports for another number are ignored.
        if (phone.display_phone_number) await runtime.rememberDisplayNumber(phone.display_phone_number);
        // In sandbox the emulator's own identity means nothing to the owner: the shop's name and number stand in.
        const shop = runtime.settings().mode === 'sandbox' ? sandboxNumberInfo(services.settings.data.profile) : undefined;
        return {
          displayPhoneNumber: shop?.displayPhoneNumber ?? phone.display_phone_number ?? '',
          verifiedName: shop?.verifiedName ?? phone.verified_name ?? '',
          qualityRating: phone.quality_rating ?? 'UNKNOWN',
        };
      } catch (error) {
        if (error instanceof CloudApiError) {
          throw new AppError(
            'connection_failed',
            error.action === 'stop_reconnect'
              ? 'Meta refused the access token (expired or wrong). Create a new token and save it again.'
              : `Meta answered with error ${error.code}: ${error.details ?? error.message}`,
          );
        }
        if (error instanceof CloudNetworkError) throw new AppError('connection_failed', 'Could not reach the Cloud API. Check the internet connection.');
        throw error;
      }
    },
    'connection:resumeOutbox': async () => {
      await services.messaging.outbox.resume();
      return status();
    },
    'sandbox:simulateInbound': async ({ phone, text, buttonPayload }) => {
      const emulator = sandbox();
      const from = phone.replace('+', '');
      const result = buttonPayload
        ? await emulator.control.simulateInbound({ from, button: { payload: buttonPayload, text: buttonPayload } })
        : await emulator.control.simulateInbound({ from, text: text ?? '' });
      return { messageId: result.messageId };
    },
    'sandbox:sent': () =>
      sandbox()
        .control.sent()
        .map((r) => ({
          id: r.id,
          to: r.to,
          type: r.type,
          ...(r.templateName ? { templateName: r.templateName } : {}),
          ...(r.text ? { text: r.text } : {}),
          at: r.at,
        })),
  };
}
