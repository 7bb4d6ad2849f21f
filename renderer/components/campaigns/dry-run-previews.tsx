import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DryRunView } from '../../../shared/contract/campaigns';
import { formatPhone } from '../../../shared/domain/phone';

const slotNames = (keys: readonly string[]) => keys.map((key) => `{{${key.split('.').slice(1).join('.')}}}`).join(', ');

/**
 * The exact messages a few real recipients get, as main rendered them from the stored mapping: one whose value would
 * be empty (why sending is refused) and one whose field is empty (what its fallback reads like) are among them.
 */
export function DryRunPreviews({ dry, lang }: { dry: DryRunView; lang: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="campaign-section" aria-labelledby="dry-run-previews-title">
      <h3 id="dry-run-previews-title">{t('campaigns.journey.previewsTitle')}</h3>
      <p className="muted">{t('campaigns.journey.previewsHint')}</p>
      {dry.emptyValues.count > 0 && (
        <p className="campaign-paused" data-testid="empty-values">
          {t('campaigns.journey.emptyBlock', { count: dry.emptyValues.count, slots: slotNames(dry.emptyValues.slots) })}
        </p>
      )}
      <ul className="campaign-previews" data-testid="dry-run-previews">
        {dry.previews.map((p) => (
          <li key={p.contactId} className={p.missing.length > 0 ? 'campaign-preview preview-missing' : 'campaign-preview'}>
            <p className="muted">
              {p.name || t('campaigns.dryRun.noName')} · {formatPhone(p.phone)}
            </p>
            <div lang={lang}>
              {p.header && <strong>{p.header}</strong>}
              <p>{p.body}</p>
              {p.footer && <small>{p.footer}</small>}
            </div>
            {p.missing.length > 0 && <p className="form-error">{t('campaigns.journey.previewMissing', { slots: slotNames(p.missing) })}</p>}
            {p.missing.length === 0 && p.empty.length > 0 && <p className="field-hint">{t('campaigns.journey.previewEmpty')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
