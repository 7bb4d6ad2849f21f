import { toWellFormed } from '../../../shared/domain/entry-points/html';

const SUBJECT: Record<string, string> = {
  en: '{business}: confirm you want our WhatsApp messages',
  es: '{business}: confirma que quieres nuestros mensajes por WhatsApp',
  pt: '{business}: confirme que quer nossas mensagens no WhatsApp',
};
const EMAIL_CONFIRM: Record<string, string> = {
  en: 'To confirm, send YES to us on WhatsApp: {link}',
  es: 'Para confirmar, envíanos SÍ por WhatsApp: {link}',
  pt: 'Para confirmar, envie SIM para nós no WhatsApp: {link}',
};

const pick = (map: Record<string, string>, locale: string) => map[locale.slice(0, 2)] ?? map.en!;

/** The subject of an email opt-in request. */
export function emailSubject(business: string, locale: string): string {
  return pick(SUBJECT, locale).replace('{business}', business);
}

/**
 * The body of an email opt-in request: the versioned request text, then how to confirm from WhatsApp (we read no
 * mailbox, so the reply that confirms is the customer's own WhatsApp YES to the shop).
 */
export function emailBody(requestText: string, waYesLink: string, locale: string): string {
  return `${requestText}\n\n${pick(EMAIL_CONFIRM, locale).replace('{link}', waYesLink)}`;
}

/** `sms:<number>?&body=…` for the system's messages app (the `?&` form works on both iOS and Android). */
export function smsUrlTo(e164: string, text: string): string {
  return `sms:${e164}?&body=${encodeURIComponent(toWellFormed(text))}`;
}

/** `mailto:<address>?subject=…&body=…` with CRLF line breaks, for the system's mail app. */
export function mailtoUrlTo(address: string, subject: string, body: string): string {
  const crlf = toWellFormed(body).replace(/\r?\n/g, '\r\n');
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(toWellFormed(subject))}&body=${encodeURIComponent(crlf)}`;
}
