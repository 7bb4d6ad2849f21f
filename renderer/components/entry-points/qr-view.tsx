import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { qrSvgFile } from '../../../shared/domain/entry-points/qr';
import type { ErrorCorrection } from '../../../shared/domain/entry-points/types';
import { useStore } from '../../store';
import { base64ToBlob, downloadBlob, downloadText } from './download';

interface QrViewProps {
  svg: string;
  /** What the code says, for its accessible name. */
  description: string;
  fileStem: string;
  /** The stored entry point the PNG is made from; undefined while the entry point is not saved yet. */
  savedId: string | undefined;
  errorCorrection: ErrorCorrection;
  /** True when the form has changes the stored entry point (and so the PNG) does not have yet. */
  dirty: boolean;
}

/** The QR code inline, with SVG (from the live preview) and PNG (rendered by main) downloads. */
export function QrView({ svg, description, fileStem, savedId, errorCorrection, dirty }: QrViewProps): ReactNode {
  const { t } = useTranslation();
  const fetchQrPng = useStore((s) => s.fetchQrPng);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function downloadPng() {
    if (!savedId) return;
    setBusy(true);
    setError(undefined);
    const result = await fetchQrPng(savedId, errorCorrection);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else downloadBlob(base64ToBlob(result.value.base64, 'image/png'), result.value.fileName);
  }

  // No QR can hold the message (see the editor's note): say so, and keep the rest of the panel (link, copy) working.
  if (!svg) {
    return (
      <div className="ep-qr">
        <p className="form-error" role="alert">
          {t('entryPoints.qrUnavailable')}
        </p>
      </div>
    );
  }
  return (
    <div className="ep-qr">
      {/* Trusted markup: the output of our own QR renderer, never user HTML. */}
      <div className="ep-qr-code" role="img" aria-label={description} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="ep-actions">
        <button type="button" onClick={() => downloadText(qrSvgFile(svg), `${fileStem}.svg`, 'image/svg+xml')}>
          {t('entryPoints.downloadSvg')}
        </button>
        <button type="button" onClick={() => void downloadPng()} disabled={!savedId || busy} aria-busy={busy || undefined}>
          {busy ? t('entryPoints.preparingPng') : t('entryPoints.downloadPng')}
        </button>
      </div>
      {!savedId && <p className="field-hint">{t('entryPoints.pngNeedsSave')}</p>}
      {savedId && dirty && <p className="field-hint">{t('entryPoints.pngIsSaved')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
