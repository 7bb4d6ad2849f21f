import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../shared/contract/connection';

/** Meta's last quality report on the number: flagged (a warning, campaigns were paused) or not, and the daily limit. */
export function NumberHealthLine({ health }: { health: NonNullable<ConnectionStatus['numberHealth']> }): ReactNode {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(health.at));
  // Only a number reads well in the sentence; "unlimited" needs no warning anyway.
  const limit = health.limit !== null && /^\d+$/.test(health.limit) ? new Intl.NumberFormat(i18n.language).format(Number(health.limit)) : null;
  return (
    <div className={health.flagged ? 'connection-warning' : undefined} data-testid="number-health">
      <p>{t(health.flagged ? 'messages.connection.numberFlagged' : 'messages.connection.numberOk', { when })}</p>
      {limit !== null && <p>{t('messages.connection.numberLimit', { limit })}</p>}
    </div>
  );
}
