import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../../shared/contract/entry-points';

/** Acts on a print result: in a browser, opens the printable document in a new tab (the bridge serves it there). */
export function followPrintOutcome(outcome: PrintOutcome): void {
  if (outcome.kind === 'open') window.open(outcome.url, '_blank', 'noopener');
}

/** Says what happened to a print request and what to do next. */
export function PrintOutcomeMessage({ outcome }: { outcome: PrintOutcome | null }): ReactNode {
  const { t } = useTranslation();
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'open':
      return (
        <p className="ep-outcome">
          {t('entryPoints.printOpened')}{' '}
          <a href={outcome.url} target="_blank" rel="noopener">
            {t('entryPoints.printOpenAgain')}
          </a>
        </p>
      );
    case 'pdf':
      return <p className="ep-outcome">{t('entryPoints.pdfSaved', { path: outcome.path })}</p>;
    case 'printed':
      return <p className="ep-outcome">{t('entryPoints.printed')}</p>;
    default:
      return <p className="ep-outcome">{t('entryPoints.printCancelled')}</p>;
  }
}
