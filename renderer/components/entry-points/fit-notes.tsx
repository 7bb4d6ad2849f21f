import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDetails } from '../../../shared/domain/entry-points/artifacts';
import { checkLinkFit } from '../../../shared/domain/entry-points/link-fit';
import { fitPosterText } from '../../../shared/domain/entry-points/poster-fit';
import { effectiveErrorCorrection } from '../../../shared/domain/entry-points/qr';
import type { EntryPoint } from '../../../shared/domain/entry-points/types';

type FitEntry = Pick<EntryPoint, 'kind' | 'prefilledMessage' | 'refCode' | 'style'>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What does not fit, as sentences in the owner's language; `poster` adds the poster's own checks. */
export function fitNotes(t: Translate, entry: FitEntry, shop: ShopDetails, poster: boolean): { problems: string[]; info: string[] } {
  {
    const problems: string[] = [];
    const info: string[] = [];
    const size = t(`entryPoints.size.${entry.style.posterSize}`);
    let link: ReturnType<typeof checkLinkFit> | undefined;
    try {
      const errorCorrection = effectiveErrorCorrection({ errorCorrection: entry.style.errorCorrection, logoDataUrl: entry.style.logoDataUrl });
      link = checkLinkFit(shop.phoneE164, entry, { errorCorrection, ...(poster ? { posterSize: entry.style.posterSize } : {}) });
    } catch {
      link = undefined; // no valid shop number yet: the preview says so
    }
    if (link && !link.ok) {
      for (const p of link.problems) {
        if (p.kind === 'link_too_long') problems.push(t('entryPoints.fitLinkTooLong', { length: p.length, max: p.max, over: p.over }));
        else if (p.kind === 'qr_too_long') problems.push(t('entryPoints.fitQrTooLong', { level: p.errorCorrection, over: p.over }));
        else problems.push(t('entryPoints.fitQrTooDense', { size, over: p.over }));
      }
    }
    if (poster) {
      const fit = fitPosterText(entry.style.posterSize, {
        headline: entry.style.headline,
        instructions: entry.style.instructions,
        businessName: shop.businessName,
        phoneDisplay: shop.phoneDisplay,
        hasLogo: Boolean(entry.style.logoDataUrl),
      });
      if (!fit.ok) {
        for (const p of fit.problems) {
          if (p.field === 'headline') problems.push(t('entryPoints.fitHeadline', { size, max: p.max, length: p.length }));
          else if (p.field === 'instructions') problems.push(t('entryPoints.fitInstructions', { size, max: p.max, length: p.length }));
          else problems.push(t('entryPoints.fitBusinessName', { size }));
        }
      } else if (fit.scale < 1) info.push(t('entryPoints.fitShrunk', { percent: Math.round(fit.scale * 100) }));
    }
    return { problems, info };
  }
}

/** fitNotes, recomputed as the owner types. */
export function useFitNotes(entry: FitEntry, shop: ShopDetails, poster: boolean): { problems: string[]; info: string[] } {
  const { t } = useTranslation();
  return useMemo(() => fitNotes(t as Translate, entry, shop, poster), [entry, shop, poster, t]);
}

/** The fit problems (as an alert, read out as they appear) and notes, under the fields they are about. */
export function FitNotes({ problems, info }: { problems: string[]; info: string[] }): ReactNode {
  return (
    <div className="ep-fit" aria-live="polite">
      {problems.map((text) => (
        <p key={text} className="form-error" role="alert">
          {text}
        </p>
      ))}
      {info.map((text) => (
        <p key={text} className="field-hint">
          {text}
        </p>
      ))}
    </div>
  );
}
