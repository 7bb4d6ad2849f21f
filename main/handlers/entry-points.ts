import { buildPosterBatch } from '../../shared/domain/entry-points/artifacts';
import { LinkFitError, checkLinkFit } from '../../shared/domain/entry-points/link-fit';
import { PosterQrTooDenseError } from '../../shared/domain/entry-points/poster';
import { PosterFitError } from '../../shared/domain/entry-points/poster-fit';
import { effectiveErrorCorrection } from '../../shared/domain/entry-points/qr';
import { entryPointLink } from '../../shared/domain/entry-points/wa-link';
import { buildVCard } from '../../shared/domain/entry-points/vcard';
import type { Handlers } from '../dispatch';
import { AppError } from '../services/app-error';
import type { AppServices } from '../services/app-services';
import { qrPng } from '../services/qr-png';

type EntryPointChannels =
  | 'entryPoints:list'
  | 'entryPoints:create'
  | 'entryPoints:update'
  | 'entryPoints:duplicate'
  | 'entryPoints:delete'
  | 'entryPoints:qrPng'
  | 'entryPoints:stats'
  | 'posters:batch'
  | 'posters:print';

function shopOf(services: AppServices) {
  const profile = services.profile.get();
  if (!profile) throw new AppError('profile_missing', 'Save the business profile (name and WhatsApp number) first.');
  return { businessName: profile.businessName, phoneE164: profile.phoneE164, phoneDisplay: profile.phoneDisplay, locale: profile.locale };
}

/**
 * A poster or QR that would not print right is the owner's text to shorten, not a crash: a typed refusal (field and
 * sentence) instead of an internal error (HTTP 500 in the browser build). Anything else is rethrown as it was.
 */
function posterRefusal(error: unknown): unknown {
  if (error instanceof PosterFitError) {
    const field = error.problems[0]?.field;
    return new AppError('poster_text_too_long', error.message, field === 'businessName' ? undefined : `style.${field}`);
  }
  if (error instanceof LinkFitError || error instanceof PosterQrTooDenseError) return new AppError('message_too_long_for_qr', error.message, 'prefilledMessage');
  return error;
}

/** Entry point and poster channels. */
export function entryPointHandlers(services: AppServices): Pick<Handlers, EntryPointChannels> {
  const eps = services.entryPoints;
  return {
    'entryPoints:list': () => eps.list(),
    'entryPoints:create': (input) => eps.create(input),
    'entryPoints:update': (input) => eps.update(input),
    'entryPoints:duplicate': ({ id }) => eps.duplicate(id),
    'entryPoints:delete': async ({ id }) => {
      await eps.remove(id);
      return { deleted: true as const };
    },
    'entryPoints:qrPng': async ({ id, errorCorrection, size }) => {
      const entry = eps.get(id);
      const shop = shopOf(services);
      const level = effectiveErrorCorrection({ errorCorrection: errorCorrection ?? entry.style.errorCorrection, logoDataUrl: entry.style.logoDataUrl });
      const fit = checkLinkFit(shop.phoneE164, entry, { errorCorrection: level });
      if (!fit.ok) throw posterRefusal(new LinkFitError(fit.problems));
      const text =
        entry.kind === 'direct' ? buildVCard({ name: shop.businessName, phoneE164: shop.phoneE164 }) : entryPointLink(shop.phoneE164, entry);
      const png = await qrPng(text, {
        errorCorrection: level,
        width: size,
      });
      return { fileName: `whatsapp-qr-${entry.refCode}.png`, base64: png.toString('base64') };
    },
    'entryPoints:stats': () => eps.chatStats(),
    'posters:batch': async ({ id, placements }) => {
      const source = eps.get(id);
      const created = [];
      for (const placement of placements) {
        const { logoDataUrl, ...style } = source.style;
        created.push(
          await eps.create({
            kind: 'qr',
            name: `${source.name} — ${placement}`.slice(0, 60),
            prefilledMessage: source.prefilledMessage,
            style: logoDataUrl ? { ...style, logoDataUrl } : style,
          }),
        );
      }
      return { entryPoints: created };
    },
    'posters:print': async ({ ids, action }) => {
      const shop = shopOf(services);
      const items = ids.map((id) => {
        const entry = eps.get(id);
        const placement = entry.name.includes(' — ') ? entry.name.split(' — ').pop() : undefined;
        return { entry, ...(placement ? { placement } : {}) };
      });
      let html: string;
      try {
        html = buildPosterBatch(items, shop, shop.locale);
      } catch (error) {
        throw posterRefusal(error);
      }
      return services.printer.print(html, { action, fileName: `posters-${items[0]?.entry.refCode ?? 'batch'}.pdf` });
    },
  };
}
