/** The WhatsApp Cloud API client: sends, templates, phone number and QR links, pointed at Meta or the emulator. */
import { z } from 'zod';
import { CloudInputError } from './errors';
import { graphCall, type GraphTransport } from './http';
import {
  interactiveSchema,
  phoneNumberSchema,
  qrLinkListSchema,
  qrLinkSchema,
  sendComponentSchema,
  sendMessageResponseSchema,
  successSchema,
  templatePageSchema,
  waDigitsSchema,
  type CloudTemplate,
  type Interactive,
  type PhoneNumberInfo,
  type QrLink,
  type SendComponent,
} from './schemas';

/** Settings of a client; everything with a side effect is injected. */
export interface CloudClientOptions {
  /** `https://graph.facebook.com` in production, the emulator's url in tests and sandbox mode. */
  baseUrl: string;
  apiVersion?: string;
  phoneNumberId: string;
  wabaId: string;
  /** Read at each call so a reconnected token is used at once; never logged. */
  getAccessToken: () => string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** Fields every send accepts. */
export interface SendBase {
  /** E.164 digits (`16505551234`, a leading `+` is tolerated); anything else is refused before the network. */
  to: string;
  /** Echoed in status webhooks: carry the outbox id here. */
  bizOpaqueCallbackData?: string;
  /** wamid of the message this one replies to. */
  replyTo?: string;
}

/** What an accepted send returns (accepted is not delivered). */
export interface SendResult {
  messageId: string;
  waId: string | undefined;
  /** accepted | held_for_quality_assessment | paused, only for paced templates. */
  messageStatus: string | undefined;
}

/** The client's calls. */
export interface CloudClient {
  sendText(input: SendBase & { body: string; previewUrl?: boolean }): Promise<SendResult>;
  sendTemplate(input: SendBase & { name: string; language: string; components?: SendComponent[] }): Promise<SendResult>;
  sendInteractive(input: SendBase & { interactive: Interactive }): Promise<SendResult>;
  markRead(messageId: string): Promise<{ success: boolean }>;
  /** Every template of the account, following `paging.next` to the end. */
  listTemplates(options?: { limit?: number; maxPages?: number }): Promise<CloudTemplate[]>;
  getPhoneNumber(): Promise<PhoneNumberInfo>;
  createQrLink(input: { prefilledMessage: string; generateQrImage?: 'SVG' | 'PNG' }): Promise<QrLink>;
  listQrLinks(): Promise<QrLink[]>;
}

const TEMPLATE_FIELDS = 'name,language,status,category,components,parameter_format';

/** Builds a client. Every call rejects (never throws synchronously) with CloudApiError, CloudNetworkError or CloudInputError. */
export function createCloudClient(options: CloudClientOptions): CloudClient {
  const version = options.apiVersion ?? 'v23.0';
  const root = `${options.baseUrl.replace(/\/+$/, '')}/${version}`;
  const origin = new URL(options.baseUrl).origin;
  const transport: GraphTransport = {
    fetch: options.fetch ?? globalThis.fetch,
    getAccessToken: options.getAccessToken,
    timeoutMs: options.timeoutMs ?? 15_000,
  };
  const phonePath = `${root}/${encodeURIComponent(options.phoneNumberId)}`;
  const wabaPath = `${root}/${encodeURIComponent(options.wabaId)}`;

  async function send(base: SendBase, type: string, payload: unknown): Promise<SendResult> {
    const to = recipientDigits(base.to);
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', recipient_type: 'individual', to, type, [type]: payload };
    if (base.replyTo !== undefined) body.context = { message_id: base.replyTo };
    if (base.bizOpaqueCallbackData !== undefined) {
      if (base.bizOpaqueCallbackData.length > 512) throw new CloudInputError('bizOpaqueCallbackData', 'biz_opaque_callback_data is longer than 512 characters');
      body.biz_opaque_callback_data = base.bizOpaqueCallbackData;
    }
    const answer = await graphCall(transport, { method: 'POST', url: `${phonePath}/messages`, body, schema: sendMessageResponseSchema });
    const message = answer.messages[0]!;
    return { messageId: message.id, waId: answer.contacts?.[0]?.wa_id, messageStatus: message.message_status };
  }

  return {
    async sendText(input) {
      if (input.body.length === 0 || input.body.length > 4096) throw new CloudInputError('body', 'text body must be 1 to 4096 characters');
      return send(input, 'text', { body: input.body, preview_url: input.previewUrl ?? false });
    },
    async sendTemplate(input) {
      if (!/^[a-z0-9_]{1,512}$/.test(input.name)) throw new CloudInputError('name', 'template name must match ^[a-z0-9_]+$');
      const components = z.array(sendComponentSchema).safeParse(input.components ?? []);
      if (!components.success) throw new CloudInputError('components', `template components are not valid: ${components.error.issues[0]?.message ?? ''}`);
      const template: Record<string, unknown> = { name: input.name, language: { code: input.language } };
      if (components.data.length > 0) template.components = components.data;
      return send(input, 'template', template);
    },
    async sendInteractive(input) {
      const interactive = interactiveSchema.safeParse(input.interactive);
      if (!interactive.success) throw new CloudInputError('interactive', `interactive message is not valid: ${interactive.error.issues[0]?.message ?? ''}`);
      return send(input, 'interactive', interactive.data);
    },
    markRead(messageId) {
      return graphCall(transport, {
        method: 'POST',
        url: `${phonePath}/messages`,
        body: { messaging_product: 'whatsapp', status: 'read', message_id: messageId },
        schema: successSchema,
      });
    },
    async listTemplates(opts = {}) {
      const limit = opts.limit ?? 100;
      const maxPages = opts.maxPages ?? 200;
      const out: CloudTemplate[] = [];
      let url: string | undefined = `${wabaPath}/message_templates?fields=${TEMPLATE_FIELDS}&limit=${limit}`;
      const seen = new Set<string>();
      for (let page = 0; url !== undefined && page < maxPages; page++) {
        seen.add(url);
        const answer = await graphCall(transport, { method: 'GET', url, schema: templatePageSchema });
        out.push(...answer.data);
        url = nextPageUrl(answer.paging, origin, `${wabaPath}/message_templates?fields=${TEMPLATE_FIELDS}&limit=${limit}`);
        if (url !== undefined && seen.has(url)) url = undefined;
        if (answer.data.length === 0) url = undefined;
      }
      return out;
    },
    getPhoneNumber() {
      return graphCall(transport, { method: 'GET', url: phonePath, schema: phoneNumberSchema });
    },
    async createQrLink(input) {
      if (input.prefilledMessage.length === 0 || input.prefilledMessage.length > 140) {
        throw new CloudInputError('prefilledMessage', 'prefilled message must be 1 to 140 characters');
      }
      return graphCall(transport, {
        method: 'POST',
        url: `${phonePath}/message_qrdls`,
        body: { prefilled_message: input.prefilledMessage, generate_qr_image: input.generateQrImage ?? 'SVG' },
        schema: qrLinkSchema,
      });
    },
    async listQrLinks() {
      const answer = await graphCall(transport, { method: 'GET', url: `${phonePath}/message_qrdls`, schema: qrLinkListSchema });
      return answer.data;
    },
  };
}

/** Validates and returns the recipient as bare digits; refusing here keeps Meta from guessing a country code. */
export function recipientDigits(to: string): string {
  const digits = to.startsWith('+') ? to.slice(1) : to;
  if (!waDigitsSchema.safeParse(digits).success) {
    throw new CloudInputError('to', 'recipient must be a full international number in E.164 digits (e.g. 16505551234)');
  }
  return digits;
}

/**
 * The next page to fetch. The token is sent with it, so a `next` on another origin is never followed:
 * we rebuild the url from the `after` cursor on our own origin instead.
 */
function nextPageUrl(
  paging: { next?: string | undefined; cursors?: { after?: string | undefined } | undefined } | undefined,
  origin: string,
  firstUrl: string,
): string | undefined {
  if (!paging?.next) return undefined;
  try {
    if (new URL(paging.next).origin === origin) return paging.next;
  } catch {
    // fall through to the cursor
  }
  const after = paging.cursors?.after;
  return after ? `${firstUrl}&after=${encodeURIComponent(after)}` : undefined;
}
