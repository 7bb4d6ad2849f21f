import type { ConsentPurpose } from './event';
import { textHash } from './hash-chain';

/** The texts the app writes for the owner (editable, versioned, localised). */
export const CONSENT_TEXT_KINDS = ['optin_statement', 'sms_request', 'welcome', 'unsubscribed', 'help'] as const;
export type ConsentTextKind = (typeof CONSENT_TEXT_KINDS)[number];

/** Locales with built-in default texts; others fall back to their base language, then English. */
export const DEFAULT_TEXT_LOCALES = ['en', 'es', 'pt', 'hi'] as const;
export type DefaultTextLocale = (typeof DEFAULT_TEXT_LOCALES)[number];

/** Values substituted for {business}, {purpose}, {phone}, {frequency}, {description}. */
export interface ConsentTextVars {
  business?: string;
  purpose?: string;
  phone?: string;
  frequency?: string;
  description?: string;
}
const PLACEHOLDERS = ['business', 'purpose', 'phone', 'frequency', 'description'] as const;

const DEFAULTS: Record<DefaultTextLocale, Record<ConsentTextKind, string>> = {
  en: {
    optin_statement:
      'Yes, I want to receive {purpose} messages from {business} on WhatsApp at {phone}. Reply STOP at any time to stop.',
    sms_request:
      '{business}: get {description} on WhatsApp at {phone}, {frequency}. Reply YES to confirm, STOP to opt out.',
    welcome: "{business}: you're subscribed to {purpose} messages on WhatsApp: {description}. Reply STOP at any time to stop.",
    unsubscribed: "{business}: you're unsubscribed from {purpose} messages and won't get more. Reply START to join again.",
    help: '{business}: {description} on WhatsApp, {frequency}. Reply STOP to stop, START to join again.',
  },
  es: {
    optin_statement:
      'Sí, quiero recibir mensajes de {purpose} de {business} por WhatsApp en el {phone}. Responde STOP en cualquier momento para dejar de recibirlos.',
    sms_request:
      '{business}: recibe {description} por WhatsApp en el {phone}, {frequency}. Responde SÍ para confirmar, STOP para darte de baja.',
    welcome: '{business}: te has suscrito a los mensajes de {purpose} por WhatsApp: {description}. Responde STOP en cualquier momento para dejar de recibirlos.',
    unsubscribed: '{business}: te has dado de baja de los mensajes de {purpose} y no recibirás más. Responde START para volver a suscribirte.',
    help: '{business}: {description} por WhatsApp, {frequency}. Responde STOP para darte de baja, START para volver a suscribirte.',
  },
  pt: {
    optin_statement:
      'Sim, quero receber mensagens de {purpose} de {business} no WhatsApp pelo número {phone}. Responda STOP a qualquer momento para parar.',
    sms_request:
      '{business}: receba {description} no WhatsApp pelo número {phone}, {frequency}. Responda SIM para confirmar, STOP para sair.',
    welcome: '{business}: você assinou as mensagens de {purpose} no WhatsApp: {description}. Responda STOP a qualquer momento para parar.',
    unsubscribed: '{business}: você cancelou as mensagens de {purpose} e não receberá mais. Responda START para assinar de novo.',
    help: '{business}: {description} no WhatsApp, {frequency}. Responda STOP para parar, START para assinar de novo.',
  },
  hi: {
    optin_statement:
      'हाँ, मैं {business} से WhatsApp पर {phone} नंबर पर {purpose} संदेश पाना चाहता/चाहती हूँ। रोकने के लिए कभी भी STOP लिखकर भेजें।',
    sms_request:
      '{business}: WhatsApp पर {phone} नंबर पर {description} पाएँ, {frequency}। पुष्टि के लिए YES भेजें, रोकने के लिए STOP भेजें।',
    welcome: '{business}: आपने WhatsApp पर {purpose} संदेशों की सदस्यता ली है: {description}। रोकने के लिए कभी भी STOP भेजें।',
    unsubscribed: '{business}: आपकी {purpose} संदेशों की सदस्यता बंद कर दी गई है, अब आपको ये संदेश नहीं मिलेंगे। फिर से जुड़ने के लिए START भेजें।',
    help: '{business}: WhatsApp पर {description}, {frequency}। रोकने के लिए STOP, फिर से जुड़ने के लिए START भेजें।',
  },
};

// One phrase each, without a conjunction of its own: two purposes are joined by the locale's list format, and
// "marketing and order and service messages" read as a stutter.
const PURPOSE_LABELS: Record<DefaultTextLocale, Record<ConsentPurpose, string>> = {
  en: { marketing: 'marketing', utility: 'order update' },
  es: { marketing: 'promociones', utility: 'avisos de pedidos' },
  pt: { marketing: 'promoções', utility: 'avisos de pedidos' },
  hi: { marketing: 'मार्केटिंग', utility: 'ऑर्डर अपडेट' },
};

/**
 * What fills {phone} in the opt-in statement before the customer's number is known (widgets, the kiosk's first
 * screen). Each is written for the words the default statement puts around {phone} — "en el {phone}", "pelo número
 * {phone}", "{phone} नंबर पर" — so the sentence reads as it would with a real number ("en el número que he dado",
 * not "en el este número").
 */
const UNKNOWN_PHONE: Record<DefaultTextLocale, string> = {
  en: 'this number',
  es: 'número que he dado',
  pt: 'que informei',
  hi: 'इस',
};

function defaultLocale(locale: string): DefaultTextLocale {
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return (DEFAULT_TEXT_LOCALES as readonly string[]).includes(base) ? (base as DefaultTextLocale) : 'en';
}

/** The built-in text for a kind in a locale ('pt-BR' → pt; unknown languages → English). */
export function defaultConsentText(kind: ConsentTextKind, locale: string): string {
  return DEFAULTS[defaultLocale(locale)][kind];
}

/** The word for a purpose that fits the default texts' {purpose} slot. */
export function purposeLabel(purpose: ConsentPurpose, locale: string): string {
  return PURPOSE_LABELS[defaultLocale(locale)][purpose];
}

/** The words that stand in for the customer's number in the opt-in statement until it is known. */
export function unknownPhoneText(locale: string): string {
  return UNKNOWN_PHONE[defaultLocale(locale)];
}

/** Why a template or its rendering was refused. */
export type ConsentTextProblem =
  | { code: 'empty_text'; message: string }
  | { code: 'missing_business_placeholder'; message: string }
  | { code: 'unknown_placeholder'; placeholder: string; message: string }
  | { code: 'missing_variable'; variable: string; message: string };

/** Checks an owner-edited template: not empty, names the business, only known placeholders. */
export function validateConsentTemplate(kind: ConsentTextKind, text: string): ConsentTextProblem[] {
  const problems: ConsentTextProblem[] = [];
  if (text.trim() === '') return [{ code: 'empty_text', message: `The ${kind} text is empty.` }];
  if (!text.includes('{business}')) {
    problems.push({
      code: 'missing_business_placeholder',
      message: `The ${kind} text must name the business: put {business} in it (WhatsApp policy requires the business name).`,
    });
  }
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push({
        code: 'unknown_placeholder',
        placeholder: name,
        message: `Unknown placeholder {${name}}; use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
      });
    }
  }
  return problems;
}

export type RenderResult = { ok: true; text: string } | { ok: false; problems: ConsentTextProblem[] };

/**
 * Fills a template's placeholders. Fails (never renders a half-filled text) when the template does not name the
 * business, uses an unknown placeholder, or a used variable is missing or blank — a consent text shown without
 * the business name would not be valid evidence.
 */
export function renderConsentText(template: { kind: ConsentTextKind; text: string }, vars: ConsentTextVars): RenderResult {
  const problems = validateConsentTemplate(template.kind, template.text);
  const used = new Set([...template.text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? ''));
  for (const name of PLACEHOLDERS) {
    if (used.has(name) && (vars[name] ?? '').trim() === '') {
      problems.push({
        code: 'missing_variable',
        variable: name,
        message: `The ${template.kind} text needs a value for {${name}}${name === 'business' ? ' (the business name)' : ''}.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const text = template.text.replace(/\{([^{}]*)\}/g, (_, name: keyof ConsentTextVars) => (vars[name] ?? '').trim());
  return { ok: true, text };
}

/** One saved version of a consent text; consent events cite `version` and `hash`. */
export interface ConsentTextVersion {
  kind: ConsentTextKind;
  locale: string;
  version: number;
  text: string;
  hash: string;
  createdAt: string;
}

/** The latest version of a text kind in a locale, or undefined if the owner never saved one. */
export function currentText(
  history: readonly ConsentTextVersion[],
  kind: ConsentTextKind,
  locale: string,
): ConsentTextVersion | undefined {
  let latest: ConsentTextVersion | undefined;
  for (const entry of history) {
    if (entry.kind === kind && entry.locale === locale && (!latest || entry.version > latest.version)) latest = entry;
  }
  return latest;
}

export type AddTextVersionResult =
  | { ok: true; history: ConsentTextVersion[]; current: ConsentTextVersion; created: boolean }
  | { ok: false; problems: ConsentTextProblem[] };

/**
 * Saves a text, appending version n+1 only when the (trimmed) text differs from the current one, so events keep
 * citing the exact version they were given under. Returns a new history; the input is not modified.
 */
export function addTextVersion(
  history: readonly ConsentTextVersion[],
  kind: ConsentTextKind,
  locale: string,
  text: string,
  now: number,
): AddTextVersionResult {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  const problems = validateConsentTemplate(kind, clean);
  if (problems.length > 0) return { ok: false, problems };
  const current = currentText(history, kind, locale);
  if (current && current.text === clean) return { ok: true, history: [...history], current, created: false };
  const entry: ConsentTextVersion = {
    kind,
    locale,
    version: (current?.version ?? 0) + 1,
    text: clean,
    hash: textHash(clean),
    createdAt: new Date(now).toISOString(),
  };
  return { ok: true, history: [...history, entry], current: entry, created: true };
}
