import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskExit } from '../components/consent/kiosk-exit';
import { KioskForm } from '../components/consent/kiosk-form';
import { installKioskGuard, lockKiosk, unlockKiosk } from '../components/consent/kiosk-lock';
import { useStore } from '../store';
import '../components/consent/consent.css';
import '../components/owner/owner.css';

// At module load, before the app registers its own hashchange listener: Back or a typed address cannot leave a locked kiosk.
installKioskGuard(() => useStore.getState().syncRouteFromHash());

/** The customer-facing kiosk: full screen, no shop navigation; only the owner PIN leaves it. */
export function KioskPage(): ReactNode {
  const { t } = useTranslation();
  const businessName = useStore((s) => s.profile?.businessName ?? '');
  const navigate = useStore((s) => s.navigate);
  const [exiting, setExiting] = useState(false);

  useEffect(() => {
    lockKiosk();
  }, []);

  function leave() {
    unlockKiosk();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate('counter');
  }

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <h1>{businessName}</h1>
        <button type="button" onClick={() => setExiting(true)}>
          {t('counter.kiosk.exit')}
        </button>
      </header>
      <main id="main" className="kiosk-main">
        <KioskForm />
      </main>
      {exiting && <KioskExit onAllowed={leave} onClose={() => setExiting(false)} />}
    </div>
  );
}
