/** Phone types a vCard TEL line can carry (3.0 and 4.0 both know these). */
export type VCardPhoneType = 'work' | 'cell' | 'voice' | 'msg';

/** What goes on the shop's contact card. */
export interface VCardInput {
  /** Business name, shown as the contact's name. */
  name: string;
  /** E.164, e.g. +4930123456. */
  phoneE164: string;
  /** Defaults to work + cell + voice, which phones list as "mobile"/"work" and WhatsApp recognises. */
  phoneTypes?: VCardPhoneType[];
  url?: string;
  email?: string;
  note?: string;
}

/** Escapes a TEXT value per RFC 2426 §4: backslash, comma, semicolon and newlines. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line at 75 octets (RFC 2425 §5.8.1): CRLF + one space before each continuation.
 * Splits only between code points, so a multi-byte character (emoji, Arabic) is never cut in half.
 */
export function foldVCardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // Continuation lines start with a space that counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A vCard 3.0 for the shop: CRLF line ends, escaped values, folded lines, ending with CRLF. */
export function buildVCard(input: VCardInput): string {
  const name = escapeVCardText(input.name.trim());
  const types = (input.phoneTypes ?? ['work', 'cell', 'voice']).map((t) => t.toUpperCase()).join(',');
  const phone = input.phoneE164.replace(/[^\d+]/g, '');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${name}`,
    `N:${name};;;;`,
    `ORG:${name}`,
    `TEL;TYPE=${types}:${phone}`,
  ];
  if (input.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeVCardText(input.email.trim())}`);
  // URI values are not TEXT; only line breaks would break the format, so those are dropped.
  if (input.url) lines.push(`URL:${input.url.trim().replace(/[\r\n]/g, '')}`);
  if (input.note) lines.push(`NOTE:${escapeVCardText(input.note)}`);
  lines.push('END:VCARD');
  return lines.map(foldVCardLine).join('\r\n') + '\r\n';
}

/**
 * The same card as vCard 4.0 (RFC 6350), for address books and CRMs that read it (macOS/iOS Contacts, Outlook,
 * Nextcloud): KIND:org marks a business rather than a person, the number is a `tel:` URI (clickable, unambiguous) and
 * UTF-8 is the only charset, so names in any script survive. Phones import 3.0 most reliably (older Android and
 * WhatsApp's own contact sharing), so the QR keeps 3.0 and 4.0 is an extra download.
 */
export function buildVCard4(input: VCardInput): string {
  const name = escapeVCardText(input.name.trim());
  const types = (input.phoneTypes ?? ['work', 'cell', 'voice']).join(',');
  const phone = input.phoneE164.replace(/[^\d+]/g, '');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'KIND:org',
    `FN:${name}`,
    `ORG:${name}`,
    // RFC 6350 §6.4.1: a multi-valued TYPE is quoted; VALUE=uri with the tel: scheme (RFC 3966).
    `TEL;VALUE=uri;TYPE="${types}":tel:${phone}`,
  ];
  if (input.email) lines.push(`EMAIL;TYPE=work:${escapeVCardText(input.email.trim())}`);
  if (input.url) lines.push(`URL:${input.url.trim().replace(/[\r\n]/g, '')}`);
  if (input.note) lines.push(`NOTE:${escapeVCardText(input.note)}`);
  lines.push('END:VCARD');
  return lines.map(foldVCardLine).join('\r\n') + '\r\n';
}

/** A safe download name for the card, e.g. "Café Nord" → "cafe-nord.vcf". */
export function vCardFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'contact'}.vcf`;
}

/** The download name of the 4.0 card, beside the 3.0 one: "Café Nord" → "cafe-nord-vcard4.vcf". */
export function vCard4FileName(name: string): string {
  return vCardFileName(name).replace(/\.vcf$/, '-vcard4.vcf');
}
