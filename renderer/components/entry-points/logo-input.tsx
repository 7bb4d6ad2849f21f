import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isImageDataUrl } from '../../../shared/domain/entry-points/html';
import { Field } from '../field';
import { MAX_LOGO_BYTES, readFileAsDataUrl } from './download';

interface LogoInputProps {
  value: string | undefined;
  /** A server-side error about the logo, shown with the local ones. */
  error?: string | undefined;
  onChange(dataUrl: string | undefined): void;
}

/** Picks a logo image (≤ 350 KB) and embeds it as a data URL; shows it and lets the owner remove it. */
export function LogoInput({ value, error, onChange }: LogoInputProps): ReactNode {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | undefined>();

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setLocalError(t('entryPoints.logoTooLarge', { size: Math.ceil(file.size / 1024) }));
      return;
    }
    try {
      const dataUrl = await readFileAsDataUrl(file);
      if (!isImageDataUrl(dataUrl)) {
        setLocalError(t('entryPoints.logoWrongType'));
        return;
      }
      setLocalError(undefined);
      onChange(dataUrl);
    } catch {
      setLocalError(t('entryPoints.logoUnreadable'));
    }
  }

  return (
    <Field label={t('entryPoints.logo')} hint={t('entryPoints.logoHint')} error={localError ?? error}>
      {({ id, describedBy, invalid }) => (
        <div className="ep-logo">
          <input
            id={id}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {value && (
            <>
              <img className="ep-logo-thumb" src={value} alt={t('entryPoints.logoCurrent')} />
              <button type="button" onClick={() => onChange(undefined)}>
                {t('entryPoints.logoRemove')}
              </button>
            </>
          )}
        </div>
      )}
    </Field>
  );
}
