import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildArtifacts, type EntryPointArtifacts, type ShopDetails } from '../../../shared/domain/entry-points/artifacts';
import type { EntryPoint } from '../../../shared/domain/entry-points/types';
import { openWhatsApp } from '../../api';
import { CopyButton } from './copy-button';
import { downloadText } from './download';
import { HostedSnippet } from './hosted-snippet';
import { QrView } from './qr-view';
import { WidgetPreview } from './widget-preview';

interface ArtifactPanelProps {
  /** The entry point as the form currently describes it. */
  entry: EntryPoint;
  shop: ShopDetails;
  /** Id of the stored entry point, once saved. */
  savedId: string | undefined;
  dirty: boolean;
}

/** A read-only text with its label and a copy button. */
function CopyableText({ label, copyLabel, value, rows }: { label: string; copyLabel: string; value: string; rows?: number }): ReactNode {
  const id = useId();
  return (
    <div className="field ep-copyable">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea id={id} readOnly rows={rows} value={value} spellCheck={false} />
      ) : (
        <input id={id} type="text" readOnly value={value} spellCheck={false} />
      )}
      <CopyButton text={value} label={copyLabel} />
    </div>
  );
}

/** Everything the owner can copy, download or open for one entry point, recomputed from the form on every change. */
export function ArtifactPanel({ entry, shop, savedId, dirty }: ArtifactPanelProps): ReactNode {
  const { t } = useTranslation();
  const built = useMemo((): { artifacts: EntryPointArtifacts } | { error: string } => {
    try {
      return { artifacts: buildArtifacts(entry, shop) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [entry, shop]);

  if ('error' in built) {
    return (
      <p className="form-error" role="alert">
        {t('entryPoints.previewFailed', { message: built.error })}
      </p>
    );
  }
  const a = built.artifacts;
  const qr = (
    <QrView
      svg={a.qrSvg}
      description={entry.kind === 'direct' ? t('entryPoints.qrOfContact') : t('entryPoints.qrOfLink', { link: a.link })}
      fileStem={`whatsapp-qr-${entry.refCode}`}
      savedId={savedId}
      errorCorrection={entry.style.errorCorrection}
      dirty={dirty}
    />
  );

  return (
    <div className="ep-artifacts">
      {entry.kind === 'direct' ? (
        <>
          <p className="ep-number">
            <span className="muted">{t('entryPoints.yourNumber')}</span> <strong>{shop.phoneDisplay}</strong>
          </p>
          {a.vcard && (
            <button type="button" className="primary" onClick={() => downloadText(a.vcard!.text, a.vcard!.fileName, 'text/vcard')}>
              {t('entryPoints.downloadVcard')}
            </button>
          )}
          <h3>{t('entryPoints.qrOfContactTitle')}</h3>
          {qr}
        </>
      ) : (
        <>
          <CopyableText label={t('entryPoints.theLink')} copyLabel={t('entryPoints.copyLink')} value={a.link} />
          <p className="field-hint">{t('entryPoints.messageIs', { message: a.message })}</p>
          <div className="ep-actions">
            <button type="button" onClick={() => void openWhatsApp(a.link)}>
              {t('entryPoints.tryLink')}
            </button>
          </div>
        </>
      )}
      {entry.kind === 'link' && (
        <>
          <h3>{t('entryPoints.smsTitle')}</h3>
          <CopyableText label={t('entryPoints.smsText')} copyLabel={t('entryPoints.copySms')} value={a.smsText} rows={3} />
          <a href={a.smsUrl}>{t('entryPoints.openSms')}</a>
          <h3>{t('entryPoints.emailTitle')}</h3>
          <CopyableText label={t('entryPoints.emailSubject')} copyLabel={t('entryPoints.copySubject')} value={a.email.subject} />
          <CopyableText label={t('entryPoints.emailBody')} copyLabel={t('entryPoints.copyBody')} value={a.email.body} rows={7} />
          <a href={a.email.mailto}>{t('entryPoints.openEmail')}</a>
        </>
      )}
      {(entry.kind === 'button' || entry.kind === 'chat' || entry.kind === 'popup') && a.snippet && (
        <>
          <h3>{t('entryPoints.snippetTitle')}</h3>
          <CopyableText label={t('entryPoints.snippet')} copyLabel={t('entryPoints.copySnippet')} value={a.snippet} rows={8} />
          {/* An inline button belongs in the page's content (inside its landmarks); floating widgets bring their own. */}
          <p className="field-hint">
            {t(entry.kind === 'button' && entry.style.position === 'inline' ? 'entryPoints.snippetHintInline' : 'entryPoints.snippetHint')}
          </p>
          {a.hostedSnippet && <HostedSnippet hosted={a.hostedSnippet} script={entry.kind !== 'button'} />}
          <h3>{t('entryPoints.lookTitle')}</h3>
          <WidgetPreview kind={entry.kind} style={entry.style} shopName={shop.businessName} />
        </>
      )}
      {entry.kind === 'qr' && (
        <>
          <h3>{t('entryPoints.qrTitle')}</h3>
          {qr}
          <p>
            <a href="#/posters">{t('entryPoints.goToPosters')}</a>
          </p>
        </>
      )}
    </div>
  );
}
