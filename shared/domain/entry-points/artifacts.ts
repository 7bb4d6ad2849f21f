import { buttonSnippetForms } from './button-snippet';
import { LinkFitError, checkLinkFit } from './link-fit';
import { chatSnippetForms } from './chat-snippet';
import { popupSnippetForms } from './popup-snippet';
import { renderPosterBatchHtml, type PosterInput } from './poster';
import { effectiveErrorCorrection, qrSvg } from './qr';
import type { SnippetForms } from './snippet-common';
import type { EntryPoint } from './types';
import { buildVCard, buildVCard4, vCard4FileName, vCardFileName } from './vcard';
import { buildEmailText, buildMailtoUrl, buildSmsText, buildSmsUrl, entryPointLink, entryPointMessage, waDigits } from './wa-link';

/** The shop details every artifact needs. */
export interface ShopDetails {
  businessName: string;
  phoneE164: string;
  phoneDisplay: string;
  /** The shop's language: website snippets speak it (en, es, pt, hi). */
  locale?: string;
}

/** Everything the owner can copy, download or print for one entry point. */
export interface EntryPointArtifacts {
  /** The message the customer finds typed in WhatsApp (prefilled text plus the ref). */
  message: string;
  link: string;
  smsText: string;
  smsUrl: string;
  email: { subject: string; body: string; mailto: string };
  /** What the QR encodes: the vCard for `direct`, else the link. */
  qrText: string;
  /** Empty when no QR can hold the text (see qrProblem); the link and everything else still work. */
  qrSvg: string;
  /** Why there is no QR (a message too long for any QR at this error correction), in English; the editor says it in the owner's language. */
  qrProblem?: string;
  /** The 3.0 card (what the QR carries: phones import it best), with the 4.0 form for address books that read it. */
  vcard?: { fileName: string; text: string; v4: { fileName: string; text: string } };
  /** Paste-in website code for button, chat and popup entry points. */
  snippet?: string;
  /** The same as files the shop uploads to its own site: for pages with a strict Content-Security-Policy. */
  hostedSnippet?: SnippetForms['hosted'];
}

/** Builds every artifact of an entry point from its stored form and the business profile. */
export function buildArtifacts(entry: EntryPoint, shop: ShopDetails): EntryPointArtifacts {
  const link = entryPointLink(shop.phoneE164, entry);
  const smsText = buildSmsText(link, shop.businessName);
  const email = buildEmailText(link, shop.businessName);
  const vcard =
    entry.kind === 'direct'
      ? {
          fileName: vCardFileName(shop.businessName),
          text: buildVCard({ name: shop.businessName, phoneE164: shop.phoneE164 }),
          v4: { fileName: vCard4FileName(shop.businessName), text: buildVCard4({ name: shop.businessName, phoneE164: shop.phoneE164 }) },
        }
      : undefined;
  const qrText = vcard ? vcard.text : link;
  const qrOptions = { errorCorrection: entry.style.errorCorrection, ...(entry.style.logoDataUrl ? { logoDataUrl: entry.style.logoDataUrl } : {}) };
  const qr = safeQrSvg(qrText, qrOptions);
  return {
    message: entryPointMessage(entry),
    link,
    smsText,
    smsUrl: buildSmsUrl(smsText),
    email: { ...email, mailto: buildMailtoUrl(email.subject, email.body) },
    qrText,
    ...qr,
    ...(vcard ? { vcard } : {}),
    ...snippetFor(entry, shop, link),
  };
}

/** The QR, or why there is none: a text too long for a QR must not take the link and copy buttons down with it. */
function safeQrSvg(text: string, options: Parameters<typeof qrSvg>[1]): { qrSvg: string; qrProblem?: string } {
  try {
    return { qrSvg: qrSvg(text, options) };
  } catch {
    return { qrSvg: '', qrProblem: 'The message is too long for a QR code at this error correction; shorten it or choose a lower level.' };
  }
}

function snippetFor(entry: EntryPoint, shop: ShopDetails, link: string): { snippet?: string; hostedSnippet?: SnippetForms['hosted'] } {
  const forms = snippetForms(entry, shop, link);
  return forms ? { snippet: forms.inline, hostedSnippet: forms.hosted } : {};
}

function snippetForms(entry: EntryPoint, shop: ShopDetails, link: string): SnippetForms | undefined {
  const s = entry.style;
  const locale = shop.locale;
  switch (entry.kind) {
    case 'button':
      return buttonSnippetForms({ url: link, label: s.buttonLabel, colour: s.colour, size: s.size, position: s.position, refCode: entry.refCode });
    case 'chat':
      return chatSnippetForms({
        digits: waDigits(shop.phoneE164),
        refCode: entry.refCode,
        shopName: shop.businessName,
        greeting: s.greeting,
        openingHours: s.openingHours,
        prefilledMessage: entry.prefilledMessage,
        colour: s.colour,
        position: s.position,
        locale,
      });
    case 'popup':
      return popupSnippetForms({
        url: link,
        refCode: entry.refCode,
        headline: s.headline,
        message: s.greeting,
        buttonLabel: s.buttonLabel,
        colour: s.colour,
        delaySeconds: s.delaySeconds,
        scrollPercent: s.scrollPercent,
        exitIntent: s.exitIntent,
        frequencyCapDays: s.frequencyCapDays,
        locale,
      });
    default:
      return undefined;
  }
}

/** One poster per placement (till, table, branch), each with the QR of its own entry point and ref. */
export function buildPosterBatch(
  items: { entry: EntryPoint; placement?: string }[],
  shop: ShopDetails,
  lang = 'en',
): string {
  const posters: PosterInput[] = items.map(({ entry, placement }) => {
    const errorCorrection = effectiveErrorCorrection({ errorCorrection: entry.style.errorCorrection, logoDataUrl: entry.style.logoDataUrl });
    const fit = checkLinkFit(shop.phoneE164, entry, { errorCorrection, posterSize: entry.style.posterSize });
    if (!fit.ok) throw new LinkFitError(fit.problems);
    const link = fit.link;
    return {
      size: entry.style.posterSize,
      headline: entry.style.headline,
      instructions: entry.style.instructions,
      ...(entry.style.logoDataUrl ? { logoDataUrl: entry.style.logoDataUrl } : {}),
      colours: { accent: entry.style.colour },
      qrSvg: qrSvg(link, {
        errorCorrection: entry.style.errorCorrection,
        ...(entry.style.logoDataUrl ? { logoDataUrl: entry.style.logoDataUrl } : {}),
      }),
      businessName: shop.businessName,
      phoneDisplay: shop.phoneDisplay,
      refCode: entry.refCode,
      ...(placement ? { placement } : {}),
    };
  });
  return renderPosterBatchHtml(posters, { title: `${shop.businessName} posters`, lang });
}
