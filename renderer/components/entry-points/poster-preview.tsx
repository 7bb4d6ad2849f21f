import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPosterBatch, type ShopDetails } from '../../../shared/domain/entry-points/artifacts';
import { POSTER_PAGE_MM } from '../../../shared/domain/entry-points/poster-css';
import type { EntryPoint } from '../../../shared/domain/entry-points/types';
import { htmlToImageUrl } from './html-image';

interface PosterPreviewProps {
  entry: EntryPoint;
  shop: ShopDetails;
}

/** The poster exactly as it will print (same document builder as printing), scaled down to fit the page. */
export function PosterPreview({ entry, shop }: PosterPreviewProps): ReactNode {
  const { t, i18n } = useTranslation();
  const built = useMemo(() => {
    try {
      const html = buildPosterBatch([{ entry }], shop, i18n.language);
      const { width, height } = POSTER_PAGE_MM[entry.style.posterSize];
      return { url: htmlToImageUrl(html, width, height), landscape: width > height };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [entry, shop, i18n.language]);

  if ('error' in built) {
    return (
      <p className="form-error" role="alert">
        {t('entryPoints.previewFailed', { message: built.error })}
      </p>
    );
  }
  return (
    <img
      className={built.landscape ? 'ep-poster-img ep-poster-landscape' : 'ep-poster-img'}
      src={built.url}
      alt={t('entryPoints.posterAlt', {
        size: t(`entryPoints.size.${entry.style.posterSize}`),
        headline: entry.style.headline,
        ref: entry.refCode,
      })}
    />
  );
}
