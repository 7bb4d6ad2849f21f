import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskExit } from '../components/consent/kiosk-exit';
import { KioskForm } from '../components/consent/kiosk-form';
import { installKioskGuard, onKioskChange, refreshKiosk } from '../components/consent/kiosk-lock';
import { useStore } from '../store';
import '../components/consent/consent.css';
import '../components/owner/owner.css';

// At module load, before the app registers its own hashchange listener: Back or a typed address cannot leave a locked kiosk.
installKioskGuard(() => useStore.getState().syncRouteFromHash());

/** The customer-facing kiosk: full screen, no shop navigation; main holds it on until the owner PIN is given. */
export function KioskPage(): ReactNode {
  const { t } = useTranslation();
  const businessName = useStore((s) => s.profile?.businessName ?? '');
  const navigate = useStore((s) => s.navigate);
  const [exiting, setExiting] = useState(false);

  useEffect(() => {
    // Main owns the kiosk: when it is off (left with the PIN, or this address opened without entering it) go back.
    const leaveIfOff = (status: { on: boolean }) => {
      if (status.on) return;
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      navigate('counter');
    };
    const stop = onKioskChange(leaveIfOff);
    void refreshKiosk().then((status) => status && leaveIfOff(status));
    return stop;
  }, [navigate]);

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
      {exiting && <KioskExit onAllowed={() => setExiting(false)} onClose={() => setExiting(false)} />}
    </div>
  );
}
