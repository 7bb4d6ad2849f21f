/** The emulator's template catalogue: defaults, the send-time template checks, and paging of the list endpoint. */
import type { EmulatorTemplate } from './types';

/** A small catalogue covering every case the app handles. */
export function defaultTemplates(): EmulatorTemplate[] {
  return [
    {
      id: '1387372356726668',
      name: 'order_ready',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order ready' },
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.' },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }] },
      ],
    },
    {
      id: '1387372356726669',
      name: 'order_ready',
      language: 'es',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [{ type: 'BODY', text: 'Hola {{1}}, tu pedido {{2}} está listo.' }],
    },
    {
      id: '1387372356726670',
      name: 'weekly_offer',
      language: 'en_US',
      status: 'APPROVED',
      category: 'MARKETING',
      parameter_format: 'NAMED',
      components: [
        { type: 'BODY', text: 'Hi {{first_name}}, this week: {{offer}}.' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
      ],
    },
    { id: '1387372356726671', name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello World' }] },
    { id: '1387372356726672', name: 'pending_promo', language: 'en_US', status: 'PENDING', category: 'MARKETING', components: [{ type: 'BODY', text: 'Soon' }] },
    { id: '1387372356726673', name: 'paused_promo', language: 'en_US', status: 'PAUSED', category: 'MARKETING', components: [{ type: 'BODY', text: 'Paused' }] },
    { id: '1387372356726674', name: 'disabled_promo', language: 'en_US', status: 'DISABLED', category: 'MARKETING', components: [{ type: 'BODY', text: 'Disabled' }] },
  ];
}

/** Placeholders in a text: positional `{{1}}` or named `{{first_name}}`, counted once each. */
export function placeholderCount(text: string | undefined): number {
  if (!text) return 0;
  return new Set([...text.matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size;
}

/** The outcome of checking a template send against the catalogue. */
export type TemplateCheck = { ok: true; template: EmulatorTemplate } | { ok: false; code: 132000 | 132001 | 132015 | 132016; details: string };

/** Applies 132001 (missing, wrong language, not approved), 132015 (paused), 132016 (disabled), 132000 (parameter count). */
export function checkTemplateSend(catalogue: EmulatorTemplate[], payload: Record<string, unknown>): TemplateCheck {
  const name = payload.name as string;
  const language = (payload.language as { code: string }).code;
  const byName = catalogue.filter((t) => t.name === name && t.status !== 'DELETED');
  const template = byName.find((t) => t.language === language);
  if (!template) {
    const why = byName.length === 0 ? `template name (${name}) does not exist` : `template name (${name}) does not exist in ${language}`;
    return { ok: false, code: 132001, details: why };
  }
  if (template.status === 'PAUSED') return { ok: false, code: 132015, details: `template ${name} is paused` };
  if (template.status === 'DISABLED') return { ok: false, code: 132016, details: `template ${name} is disabled` };
  if (template.status !== 'APPROVED') return { ok: false, code: 132001, details: `template ${name} is not approved (${template.status})` };
  const sent = Array.isArray(payload.components) ? (payload.components as { type: string; parameters?: unknown[] }[]) : [];
  for (const part of ['header', 'body'] as const) {
    const spec = template.components.find((c) => c.type.toLowerCase() === part);
    const expected = spec?.format && spec.format !== 'TEXT' ? 1 : placeholderCount(spec?.text);
    const given = sent.filter((c) => c.type === part).reduce((n, c) => n + (c.parameters?.length ?? 0), 0);
    if (expected !== given) {
      return { ok: false, code: 132000, details: `number of ${part} parameters (${given}) does not match the expected number of params (${expected})` };
    }
  }
  return { ok: true, template };
}

/** One page of the catalogue; cursors are base64url offsets and `next` points back at the emulator. */
export function templatePage(
  catalogue: EmulatorTemplate[],
  query: URLSearchParams,
  selfUrl: string,
  defaultLimit: number,
): Record<string, unknown> {
  const limit = clampInt(query.get('limit'), defaultLimit, 1, 1000);
  const start = decodeCursor(query.get('after'));
  const nameFilter = query.get('name');
  const list = catalogue
    .filter((t) => t.status !== 'DELETED')
    .filter((t) => !nameFilter || t.name.includes(nameFilter))
    .map((t, i) => ({ id: t.id ?? String(9_000_000_000 + i), ...t }));
  const data = list.slice(start, start + limit);
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(start + data.length) } };
  if (start + data.length < list.length) {
    const next = new URL(selfUrl);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('after', encodeCursor(start + data.length));
    paging.next = next.toString();
  }
  if (start > 0) {
    const previous = new URL(selfUrl);
    previous.searchParams.delete('after');
    previous.searchParams.set('before', encodeCursor(start));
    paging.previous = previous.toString();
  }
  return { data, paging };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : 0;
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * The phone-number info the sandbox stands for: the shop's own name and number from its profile (an owner trying the
 * sandbox should see their shop, not the emulator's "Lucky Shrub"). Digits as Meta writes display_phone_number.
 */
export function sandboxNumberInfo(profile: { businessName: string; phoneE164: string } | null | undefined): { verifiedName: string; displayPhoneNumber: string } | undefined {
  if (!profile?.businessName || !profile.phoneE164) return undefined;
  return { verifiedName: profile.businessName, displayPhoneNumber: profile.phoneE164.replace(/^\+/, '') };
}
