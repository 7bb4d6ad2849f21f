import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStore } from '../../store';
import { PinDialog } from './pin-dialog';
import { pinErrorMessage } from './pin-error';

interface UnlockDialogProps {
  /** Called once: true when the owner unlocked, false when they cancelled. */
  onDone(unlocked: boolean): void;
}

/** Asks for the owner PIN to unlock owner-only work (settings, exports, campaigns). */
export function UnlockDialog({ onDone }: UnlockDialogProps): ReactNode {
  const { t, i18n } = useTranslation();
  const loadInfo = useStore((s) => s.loadInfo);
  return (
    <PinDialog
      title={t('counter.owner.unlockTitle')}
      intro={t('counter.owner.unlockWhy')}
      submitLabel={t('counter.owner.unlock')}
      check={async (pin) => {
        const result = await api.owner.unlock({ pin });
        if (!result.ok) return { ok: false, message: pinErrorMessage(result.error, t, i18n.language) };
        if (!result.value.unlocked) return { ok: false, message: t('counter.owner.wrongPin') };
        await loadInfo();
        return { ok: true };
      }}
      onDone={onDone}
    />
  );
}
