import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PinDialogProps {
  title: string;
  intro?: string;
  submitLabel: string;
  className?: string;
  /** Checks the typed PIN; a refusal's message is shown and the PIN field is cleared for another try. */
  check(pin: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Called once: true after a PIN was accepted, false when cancelled (Escape or the Cancel button). */
  onDone(accepted: boolean): void;
}

/** A modal that asks for the owner PIN; the native dialog traps focus, and focus returns to where it was. */
export function PinDialog({ title, intro, submitLabel, className, check, onDone }: PinDialogProps): ReactNode {
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

  const cancel = () => {
    ref.current?.close();
    onDone(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const verdict = await check(pin);
    setBusy(false);
    if (verdict.ok) {
      ref.current?.close();
      onDone(true);
      return;
    }
    setError(verdict.message);
    setPin('');
    inputRef.current?.focus();
  }

  return (
    <dialog
      ref={ref}
      className={['od-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <form onSubmit={submit} className="form" noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        {intro && <p>{intro}</p>}
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
            {submitLabel}
          </button>
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
