import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { PinDialog } from '../owner/pin-dialog';

interface KioskExitProps {
  onAllowed(): void;
  onClose(): void;
}

/** Asks for the owner PIN to leave the kiosk; a wrong PIN keeps the kiosk with an error, Escape just closes this box. */
export function KioskExit({ onAllowed, onClose }: KioskExitProps): ReactNode {
  const { t } = useTranslation();
  return (
    <PinDialog
      className="kiosk-exit"
      title={t('counter.kiosk.exitTitle')}
      submitLabel={t('counter.kiosk.exitConfirm')}
      check={async (pin) => {
        const result = await api.kiosk.exit({ pin });
        if (!result.ok) return { ok: false, message: result.error.message };
        return result.value.allowed ? { ok: true } : { ok: false, message: t('counter.kiosk.wrongPin') };
      }}
      onDone={(allowed) => (allowed ? onAllowed() : onClose())}
    />
  );
}
