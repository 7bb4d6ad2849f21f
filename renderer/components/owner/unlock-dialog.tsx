import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStore } from '../../store';

interface UnlockDialogProps {
  /** Called once: true when the owner unlocked, false when they cancelled. */
  onDone(unlocked: boolean): void;
}

/** A modal asking for the owner PIN; the native dialog traps focus and Escape cancels. */
export function UnlockDialog({ onDone }: UnlockDialogProps): ReactNode {
  const { t } = useTranslation();
  const loadInfo = useStore((s) => s.loadInfo);
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
    // Put focus back where the owner was, so a keyboard user continues from the button that asked.
    return () => previous?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api.owner.unlock({ pin });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
    } else if (!result.value.unlocked) {
      setError(t('counter.owner.wrongPin'));
      setPin('');
    } else {
      await loadInfo();
      ref.current?.close();
      onDone(true);
      return;
    }
    inputRef.current?.focus();
  }

  return (
    <dialog
      ref={ref}
      className="od-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        ref.current?.close();
        onDone(false);
      }}
    >
      <form onSubmit={submit} className="form" noValidate>
        <h2 id={`${id}-title`}>{t('counter.owner.unlockTitle')}</h2>
        <p>{t('counter.owner.unlockWhy')}</p>
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
            {t('counter.owner.unlock')}
          </button>
          <button
            type="button"
            onClick={() => {
              ref.current?.close();
              onDone(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
