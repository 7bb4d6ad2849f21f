import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStore } from '../../store';
import { Field } from '../field';
import { UnlockDialog } from './unlock-dialog';
import { useOwnerGate } from './use-owner-gate';
import './owner.css';

/** Settings section: set or change the owner PIN, lock or unlock owner mode; explains what the PIN protects. */
export function OwnerPinSettings(): ReactNode {
  const { t } = useTranslation();
  const info = useStore((s) => s.info);
  const loadInfo = useStore((s) => s.loadInfo);
  const { run, dialog } = useOwnerGate();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ field: 'pin' | 'repeat' | 'form'; message: string } | null>(null);
  const [status, setStatus] = useState('');
  const [unlocking, setUnlocking] = useState(false);

  const focus = (field: string) => document.querySelector<HTMLElement>(`[data-field="owner-${field}"]`)?.focus();

  async function savePin(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (pin !== repeat) {
      setError({ field: 'repeat', message: t('counter.owner.pinMismatch') });
      focus('repeat');
      return;
    }
    const result = await run(() => api.owner.setPin({ pin }));
    if (!result.ok) {
      const field = result.error.field === 'pin' ? 'pin' : 'form';
      setError({ field, message: result.error.message });
      if (field === 'pin') focus('pin');
      return;
    }
    setError(null);
    setPin('');
    setRepeat('');
    setStatus(t('counter.owner.pinSaved'));
    await loadInfo();
  }

  async function lock() {
    await api.owner.lock();
    await loadInfo();
    setStatus(t('counter.owner.lockedNow'));
  }


  const pinSet = info?.ownerPinSet ?? false;
  return (
    <section aria-labelledby="settings-owner-pin" className="settings-block">
      <h2 id="settings-owner-pin">{t('counter.owner.sectionTitle')}</h2>
      <p>{t('counter.owner.explain')}</p>
      <p className="owner-status">
        <strong>
          {!pinSet ? t('counter.owner.noPin') : info?.ownerUnlocked ? t('counter.owner.stateUnlocked') : t('counter.owner.stateLocked')}
        </strong>
        {pinSet && info?.ownerUnlocked && (
          <button type="button" onClick={() => void lock()}>
            {t('counter.owner.lockNow')}
          </button>
        )}
        {pinSet && !info?.ownerUnlocked && (
          <button type="button" onClick={() => setUnlocking(true)}>
            {t('counter.owner.unlock')}
          </button>
        )}
      </p>
      {!pinSet && <p className="muted">{t('counter.owner.kioskHint')}</p>}
      <form className="form" onSubmit={savePin} noValidate>
        <Field label={pinSet ? t('counter.owner.newPin') : t('counter.owner.setPinLabel')} hint={t('counter.owner.pinHint')} error={error?.field === 'pin' ? error.message : undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-field="owner-pin"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={12}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={pin}
              onChange={(e) => setPin(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('counter.owner.repeatPin')} error={error?.field === 'repeat' ? error.message : undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-field="owner-repeat"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={12}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        {error?.field === 'form' && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {pinSet ? t('counter.owner.changePin') : t('counter.owner.setPin')}
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {status}
      </p>
      {dialog}
      {unlocking && (
        <UnlockDialog
          onDone={(unlocked) => {
            setUnlocking(false);
            if (unlocked) setStatus(t('counter.owner.unlockedNow'));
          }}
        />
      )}
    </section>
  );
}
