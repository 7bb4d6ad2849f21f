import type { ConsentPurpose } from '../consent/event';
import { buildWaLink } from '../entry-points/wa-link';
import { REF_ALPHABET } from '../entry-points/ref-code';

/**
 * The purposes a customer ticked travel in the JOIN message as one last letter after the widget's code
 * (`JOIN K7M2Q` + `M`/`U`/`B`): the WhatsApp message is the only thing the shop receives, so whatever the page
 * knew must be in it. One letter keeps the message short and `parseJoinCode` accepts it as one token.
 */
export const PURPOSE_SUFFIX = { marketing: 'M', utility: 'U', both: 'B' } as const;
export type PurposeSuffix = (typeof PURPOSE_SUFFIX)[keyof typeof PURPOSE_SUFFIX];

const WIDGET_CODE = new RegExp(`^[${REF_ALPHABET}]{5,8}$`);

/** True for a widget code: 5–8 characters of the unambiguous ref alphabet (no 0/O, 1/I). */
export function isValidWidgetCode(code: string): boolean {
  return WIDGET_CODE.test(code);
}

/** The suffix letter for a set of purposes; undefined when none is chosen. */
export function purposeSuffix(purposes: readonly ConsentPurpose[]): PurposeSuffix | undefined {
  const m = purposes.includes('marketing');
  const u = purposes.includes('utility');
  if (m && u) return PURPOSE_SUFFIX.both;
  if (m) return PURPOSE_SUFFIX.marketing;
  if (u) return PURPOSE_SUFFIX.utility;
  return undefined;
}

/** The purposes a suffix letter stands for. */
export function suffixPurposes(suffix: string): ConsentPurpose[] | undefined {
  switch (suffix.toUpperCase()) {
    case 'M':
      return ['marketing'];
    case 'U':
      return ['utility'];
    case 'B':
      return ['marketing', 'utility'];
    default:
      return undefined;
  }
}

/** The code the customer sends: widget code plus the purpose letter (`K7M2QB`). */
export function joinCodeFor(widgetCode: string, purposes: readonly ConsentPurpose[]): string {
  const suffix = purposeSuffix(purposes);
  if (!suffix) throw new Error('A JOIN code needs at least one purpose.');
  if (!isValidWidgetCode(widgetCode)) throw new Error(`Not a widget code: "${widgetCode}".`);
  return `${widgetCode}${suffix}`;
}

/** Splits a received JOIN code (any case) into the widget code and the purposes; undefined when malformed. */
export function splitJoinCode(code: string): { widgetCode: string; purposes: ConsentPurpose[] } | undefined {
  const upper = code.trim().toUpperCase();
  const widgetCode = upper.slice(0, -1);
  const purposes = suffixPurposes(upper.slice(-1));
  if (!purposes || !isValidWidgetCode(widgetCode)) return undefined;
  return { widgetCode, purposes };
}

/** The message a customer finds typed in WhatsApp: `JOIN <code>`. */
export function joinMessage(joinCode: string): string {
  return `JOIN ${joinCode}`;
}

/** `https://wa.me/<shop digits>?text=JOIN%20<code>`, exactly as the snippets open it. */
export function joinLink(shopE164: string, joinCode: string): string {
  return buildWaLink(shopE164, joinMessage(joinCode));
}
