import type { Locale } from '../../shared/contract/profile';
import type { BackupInfo } from '../services/store/backup';
import type { RecoveryView } from './contract';
import type { RecoveryPlan } from './decide';
import { RECOVERY_TEXTS } from './texts';

/** The page's content for one plan, in one language; backups are labelled by date and kind, newest first. */
export function recoveryView(plan: RecoveryPlan, locale: Locale, backups: readonly BackupInfo[]): RecoveryView {
  const t = RECOVERY_TEXTS[locale];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
  const kindOf = (kind: string) => (kind === 'auto' ? t.backupKinds.auto : kind === 'manual' ? t.backupKinds.manual : t.backupKinds.other);
  return {
    lang: locale,
    title: t.windowTitle,
    heading: t.heading,
    message: t.kinds[plan.kind],
    detailsLabel: t.details,
    detail: plan.detail,
    actions: plan.actions.map((id) => ({ id, label: t.actions[id] })),
    backups: plan.actions.includes('restore-backup')
      ? backups.map((backup) => ({ path: backup.path, label: `${date.format(new Date(backup.createdAt))} — ${kindOf(backup.kind)}` }))
      : [],
    chooseBackup: t.chooseBackup,
    restoreNote: t.restoreNote,
    working: t.working,
    actionFailed: t.actionFailed,
  };
}
