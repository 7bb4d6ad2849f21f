import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PinDialog } from '../owner/pin-dialog';
import { pinErrorMessage } from '../owner/pin-error';
import { exitKiosk } from './kiosk-lock';

interface KioskExitProps {
  onAllowed(): void;
  onClose(): void;
}

/** Asks for the owner PIN to leave the kiosk (main checks it); a wrong PIN keeps the kiosk with an error, Escape just closes this box. */
export function KioskExit({ onAllowed, onClose }: KioskExitProps): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <PinDialog
      className="kiosk-exit"
      title={t('counter.kiosk.exitTitle')}
      submitLabel={t('counter.kiosk.exitConfirm')}
      check={async (pin) => {
        const result = await exitKiosk(pin);
        if (!result.ok) return { ok: false, message: pinErrorMessage(result.error, t, i18n.language) };
        return result.value.allowed ? { ok: true } : { ok: false, message: t('counter.kiosk.wrongPin') };
      }}
      onDone={(allowed) => (allowed ? onAllowed() : onClose())}
    />
  );
}
