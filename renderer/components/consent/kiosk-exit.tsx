import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';

interface KioskExitProps {
  onAllowed(): void;
  onClose(): void;
}

/** Asks for the owner PIN to leave the kiosk; a wrong PIN keeps the kiosk with an error, Escape just closes this box. */
export function KioskExit({ onAllowed, onClose }: KioskExitProps): ReactNode {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    inputRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const close = () => {
    ref.current?.close();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api.kiosk.exit({ pin });
    setBusy(false);
    if (result.ok && result.value.allowed) {
      ref.current?.close();
      onAllowed();
      return;
    }
    setError(result.ok ? t('counter.kiosk.wrongPin') : result.error.message);
    setPin('');
    inputRef.current?.focus();
  }

  return (
    <dialog
      ref={ref}
      className="od-dialog kiosk-exit"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form onSubmit={submit} className="form" noValidate>
        <h2 id={`${id}-title`}>{t('counter.kiosk.exitTitle')}</h2>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-pin`}>{t('counter.owner.pin')}</label>
          <input
            ref={inputRef}
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={pin}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setPin(e.target.value)}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('counter.kiosk.exitConfirm')}
          </button>
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
