import { toWaDigits } from '../phone';
import { toWellFormed } from './html';
import { appendRef } from './ref-code';
import type { EntryPoint } from './types';

/** Thrown when a click-to-chat link is asked for a number that is not E.164 (a bug upstream, not user input). */
export class InvalidWaNumberError extends Error {
  constructor(readonly input: string) {
    super(`Not an E.164 phone number: "${input}". Save the shop's WhatsApp number in Settings first.`);
    this.name = 'InvalidWaNumberError';
  }
}

/**
 * The wa.me digits for an E.164 number (spaces, dashes and brackets tolerated): 7–15 digits, no plus, no leading
 * zero. A national number like "030 1234567" is refused rather than guessed, since stripping its 0 dials abroad.
 */
export function waDigits(e164: string): string {
  const trimmed = e164.trim();
  if (!/^\+[1-9][\d\s\-().]*$/.test(trimmed)) throw new InvalidWaNumberError(e164);
  const digits = toWaDigits(trimmed);
  if (!/^[1-9]\d{6,14}$/.test(digits)) throw new InvalidWaNumberError(e164);
  return digits;
}

/** `https://wa.me/<digits>` plus `?text=<URL-encoded text>` when there is text. */
export function buildWaLink(e164: string, text?: string): string {
  const base = `https://wa.me/${waDigits(e164)}`;
  if (text === undefined || text === '') return base;
  return `${base}?text=${encodeURIComponent(toWellFormed(text))}`;
}

/** The message a customer will find typed in WhatsApp for this entry point: prefilled text plus its ref. */
export function entryPointMessage(entry: Pick<EntryPoint, 'kind' | 'prefilledMessage' | 'refCode'>): string {
  return appendRef(entry.prefilledMessage, entry.refCode, entry.kind);
}

/** The click-to-chat link of an entry point (for `direct`, the plain number link with no text). */
export function entryPointLink(
  e164: string,
  entry: Pick<EntryPoint, 'kind' | 'prefilledMessage' | 'refCode'>,
): string {
  return buildWaLink(e164, entryPointMessage(entry));
}

/** Words around a shared link; `{business}` and `{link}` are replaced. Pass translated wording for other languages. */
export interface ShareWording {
  sms: string;
  emailSubject: string;
  emailBody: string;
}

/** English wording for SMS and email sharing. */
export const DEFAULT_SHARE_WORDING: ShareWording = {
  sms: 'Chat with {business} on WhatsApp: {link}',
  emailSubject: 'Chat with {business} on WhatsApp',
  emailBody: 'Hello,\n\nYou can reach {business} on WhatsApp. Open this link on your phone to start a chat:\n\n{link}\n\nSee you soon!',
};

function fill(template: string, business: string, link: string): string {
  // One pass, so a business name containing "{link}" is not expanded again.
  return template.replace(/\{(business|link)\}/g, (_, key: string) => (key === 'link' ? link : business));
}

/** Ready-to-paste SMS text for a link. */
export function buildSmsText(link: string, businessName: string, wording: ShareWording = DEFAULT_SHARE_WORDING): string {
  return fill(wording.sms, businessName, link);
}

/** Ready-to-paste email subject and body (plain text, `\n` line breaks) for a link. */
export function buildEmailText(
  link: string,
  businessName: string,
  wording: ShareWording = DEFAULT_SHARE_WORDING,
): { subject: string; body: string } {
  return { subject: fill(wording.emailSubject, businessName, link), body: fill(wording.emailBody, businessName, link) };
}

/** A `mailto:` URL that opens the mail app with subject and body filled in. */
export function buildMailtoUrl(subject: string, body: string): string {
  const crlf = toWellFormed(body).replace(/\r?\n/g, '\r\n');
  return `mailto:?subject=${encodeURIComponent(toWellFormed(subject))}&body=${encodeURIComponent(crlf)}`;
}

/** An `sms:` URL that opens the messages app with the text filled in (`?&body=` works on both iOS and Android). */
export function buildSmsUrl(text: string): string {
  return `sms:?&body=${encodeURIComponent(toWellFormed(text))}`;
}
