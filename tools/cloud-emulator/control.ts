/** The emulator's control API, in process and as JSON routes under /_emulator/ for the web bridge and Playwright. */
import { accountWebhook, qualityValue, templateStatusValue } from './account-webhooks';
import type { EmulatorCore } from './core';
import { newWamid } from './envelope';
import type { EmulatorControl, OfflineMode, RecipientBehaviour, SimulatedInbound, SimulatedQualityUpdate } from './types';
import { webhookEnvelope } from './webhooks';

const BEHAVIOURS: RecipientBehaviour[] = ['deliver', 'not_on_whatsapp', 'undeliverable', 'marketing_limit', 'marketing_stopped', 'no_read'];

/** Builds the control object; offline switching belongs to the HTTP layer and is passed in. */
export function createControl(core: EmulatorCore, setOffline: (mode: OfflineMode) => Promise<void>): EmulatorControl {
  const s = core.settings;
  return {
    sent: core.sent,
    webhooks: core.deliveries,
    rejections: core.rejections,
    reset: () => {
      core.reset();
      return setOffline(false);
    },
    failNext: core.failNext,
    setOffline,
    async simulateInbound(input: SimulatedInbound) {
      const from = input.from.replace(/^\+/, '');
      if (!/^[1-9]\d{6,14}$/.test(from)) throw new Error('simulateInbound: from must be E.164 digits');
      const at = input.at ?? s.clock();
      const id = newWamid();
      const message: Record<string, unknown> = { from, id, timestamp: String(Math.floor(at / 1000)) };
      if (input.button) Object.assign(message, { type: 'button', button: { payload: input.button.payload, text: input.button.text ?? input.button.payload } });
      else if (input.interactive) {
        const { type, ...reply } = input.interactive;
        Object.assign(message, { type: 'interactive', interactive: { type, [type]: reply } });
      } else if (typeof input.text === 'string') Object.assign(message, { type: 'text', text: { body: input.text } });
      else throw new Error('simulateInbound: give text, button or interactive');
      if (input.referral) message.referral = input.referral;
      if (input.contextMessageId) message.context = { from: s.displayPhoneNumber, id: input.contextMessageId };
      core.windows.set(from, Math.max(core.windows.get(from) ?? 0, at));
      core.inboundIds.add(id);
      const contacts = [{ profile: { name: input.name ?? 'Emulated Customer' }, wa_id: from }];
      await core.poster.post(webhookEnvelope(core.identity(), { contacts, messages: [message] }), 'inbound');
      return { messageId: id };
    },
    openWindow(from, at) {
      core.windows.set(from.replace(/^\+/, ''), at ?? s.clock());
    },
    setTemplates: core.setTemplates,
    async setTemplateStatus(name, language, status, options = {}) {
      const template = core.getTemplates().find((t) => t.name === name && t.language === language);
      if (!template) return;
      core.setTemplates(core.getTemplates().map((t) => (t === template ? { ...t, status } : t)));
      if (options.webhook === false) return;
      const at = s.clock();
      await core.poster.post(accountWebhook(s.wabaId, 'message_template_status_update', templateStatusValue(template, status, options.reason, at), at), 'account');
    },
    async simulateQualityUpdate(update: SimulatedQualityUpdate) {
      if (typeof update?.event !== 'string' || !/^[A-Z_]{1,40}$/.test(update.event)) throw new Error('simulateQualityUpdate: event must be FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE…');
      if (update.currentLimit !== undefined && !/^TIER_[A-Z0-9_]{1,20}$/.test(update.currentLimit)) throw new Error('simulateQualityUpdate: currentLimit looks like TIER_2K');
      const { currentLimit, oldLimit } = core.applyQuality(update.event, update.currentLimit);
      await core.poster.post(accountWebhook(s.wabaId, 'phone_number_quality_update', qualityValue(s.displayPhoneNumber, update.event, currentLimit, oldLimit), s.clock()), 'account');
    },
    setRecipient(digits, behaviour) {
      if (!BEHAVIOURS.includes(behaviour)) throw new Error(`unknown recipient behaviour ${behaviour}`);
      core.recipients.set(digits.replace(/^\+/, ''), behaviour);
    },
    setWebhookUrl(url) {
      s.webhookUrl = url;
    },
    configure(settings) {
      for (const [key, value] of Object.entries(settings)) {
        if (value === undefined) continue;
        if (key === 'statusDelays') s.statusDelays = { ...s.statusDelays, ...(value as object) };
        else (s as Record<string, unknown>)[key] = value;
      }
    },
    idle: () => core.poster.idle(),
  };
}

/** Answers a JSON control route; returns undefined for unknown routes. */
export async function controlRoute(
  control: EmulatorControl,
  method: string,
  route: string,
  body: Record<string, unknown>,
  setOfflineFor: (mode: OfflineMode, forMs: number | undefined) => Promise<void>,
): Promise<{ status: number; json: unknown } | undefined> {
  const ok = { status: 200, json: { ok: true } };
  const get = method === 'GET';
  switch (route) {
    case 'sent':
      return get ? { status: 200, json: { data: control.sent() } } : undefined;
    case 'webhooks':
      return get ? { status: 200, json: { data: control.webhooks() } } : undefined;
    case 'rejections':
      return get ? { status: 200, json: control.rejections() } : undefined;
    case 'reset':
      await control.reset();
      return ok;
    case 'idle':
      await control.idle();
      return ok;
    case 'fail-next':
      if (typeof body.code !== 'number') return bad('code (number) is required');
      control.failNext(typeof body.count === 'number' ? body.count : 1, {
        code: body.code,
        httpStatus: body.httpStatus as number | undefined,
        subcode: body.subcode as number | undefined,
        details: body.details as string | undefined,
        pathIncludes: body.pathIncludes as string | undefined,
      });
      return ok;
    case 'offline': {
      const mode = body.mode as OfflineMode;
      if (mode !== false && mode !== 'refuse' && mode !== 'destroy') return bad('mode must be false, "refuse" or "destroy"');
      const forMs = typeof body.forMs === 'number' ? body.forMs : undefined;
      if (mode === 'refuse' && forMs === undefined) return bad('"refuse" over HTTP needs forMs, or nothing could bring it back');
      await setOfflineFor(mode, forMs);
      return ok;
    }
    case 'inbound':
      try {
        return { status: 200, json: await control.simulateInbound(body as unknown as SimulatedInbound) };
      } catch (error) {
        return bad((error as Error).message);
      }
    case 'window':
      if (typeof body.from !== 'string') return bad('from is required');
      control.openWindow(body.from, body.at as number | undefined);
      return ok;
    case 'templates':
      if (get) return undefined;
      if (!Array.isArray(body.templates)) return bad('templates (array) is required');
      control.setTemplates(body.templates as never);
      return ok;
    case 'template-status':
      await control.setTemplateStatus(String(body.name), String(body.language), String(body.status), {
        ...(body.webhook === false ? { webhook: false } : {}),
        ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
      });
      return ok;
    case 'quality':
      try {
        await control.simulateQualityUpdate(body as unknown as SimulatedQualityUpdate);
      } catch (error) {
        return bad((error as Error).message);
      }
      return ok;
    case 'recipients':
      try {
        control.setRecipient(String(body.digits), body.behaviour as RecipientBehaviour);
      } catch (error) {
        return bad((error as Error).message);
      }
      return ok;
    case 'webhook-url':
      control.setWebhookUrl(typeof body.url === 'string' ? body.url : null);
      return ok;
    case 'config':
      control.configure(body as never);
      return ok;
    default:
      return undefined;
  }
}

function bad(message: string) {
  return { status: 400, json: { error: message } };
}
