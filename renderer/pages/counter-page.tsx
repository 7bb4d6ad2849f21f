import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskErrorCodes } from '../../shared/contract/kiosk';
import { CounterForm } from '../components/consent/counter-form';
import { enterKiosk } from '../components/consent/kiosk-lock';
import { CounterNotify } from '../components/messages/counter-notify';
import { useStore } from '../store';
import '../components/consent/consent.css';
import '../components/owner/owner.css';

/** Puts the cursor in the owner PIN field of Settings once that page has rendered it. */
function focusOwnerPinField(triesLeft = 30): void {
  const field = document.querySelector<HTMLElement>('[data-field="owner-pin"]');
  if (field) {
    field.scrollIntoView({ block: 'center' });
    field.focus();
  } else if (triesLeft > 0) requestAnimationFrame(() => focusOwnerPinField(triesLeft - 1));
}

/** Counter: the in-person opt-in form, the shortcuts that make it fast, and the way into the kiosk screen. */
export function CounterPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const desktop = useStore((s) => s.info?.runtime === 'electron');
  const [kioskError, setKioskError] = useState<{ needsPin: boolean; message: string } | null>(null);

  async function openKiosk() {
    // A browser goes full screen only during this click; the desktop app opens its own full-screen kiosk window.
    const fullScreen = desktop ? undefined : document.documentElement.requestFullscreen?.().catch(() => undefined);
    const entered = await enterKiosk();
    if (!entered.ok) {
      await fullScreen;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      const needsPin = entered.error.code === KioskErrorCodes.pinNotSet;
      setKioskError({ needsPin, message: needsPin ? t('counter.kiosk.needsPin') : entered.error.message });
      return;
    }
    navigate('kiosk');
  }

  function setPinFirst() {
    navigate('settings');
    requestAnimationFrame(() => focusOwnerPinField());
  }

  return (
    <>
      <h1>{t('counter.title')}</h1>
      <p className="muted">{t('counter.intro')}</p>
      <div className="counter-layout">
        <CounterForm />
        <div>
          <aside className="shortcuts" aria-labelledby="counter-shortcuts">
            <h2 id="counter-shortcuts">{t('counter.shortcuts.title')}</h2>
            <dl>
              <dt><kbd>F2</kbd></dt>
              <dd>{t('counter.shortcuts.open')}</dd>
              <dt><kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd></dt>
              <dd>{t('counter.shortcuts.move')}</dd>
              <dt><kbd>Space</kbd></dt>
              <dd>{t('counter.shortcuts.tick')}</dd>
              <dt><kbd>Enter</kbd> / <kbd>Alt</kbd>+<kbd>S</kbd></dt>
              <dd>{t('counter.shortcuts.save')}</dd>
              <dt><kbd>F3</kbd></dt>
              <dd>{t('counter.shortcuts.contacts')}</dd>
            </dl>
          </aside>
          <h2>{t('counter.kiosk.sectionTitle')}</h2>
          <p>{t('counter.kiosk.explain')}</p>
          <button type="button" onClick={() => void openKiosk()}>
            {t('counter.kiosk.open')}
          </button>
          {kioskError && (
            <div className="form-error" role="alert">
              <p>{kioskError.message}</p>
              {kioskError.needsPin && (
                <button type="button" className="primary" onClick={setPinFirst}>
                  {t('counter.kiosk.setPinFirst')}
                </button>
              )}
            </div>
          )}
          <CounterNotify />
        </div>
      </div>
    </>
  );
}
