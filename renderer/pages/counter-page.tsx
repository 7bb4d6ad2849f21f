import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CounterForm } from '../components/consent/counter-form';
import { lockKiosk } from '../components/consent/kiosk-lock';
import { CounterNotify } from '../components/messages/counter-notify';
import { useStore } from '../store';
import '../components/consent/consent.css';
import '../components/owner/owner.css';

/** Counter: the in-person opt-in form, the shortcuts that make it fast, and the way into the kiosk screen. */
export function CounterPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);

  function openKiosk() {
    lockKiosk();
    // Full screen where allowed (Electron, or a browser after this click); the kiosk works without it too.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    navigate('kiosk');
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
          <button type="button" onClick={openKiosk}>
            {t('counter.kiosk.open')}
          </button>
          <CounterNotify />
        </div>
      </div>
    </>
  );
}
