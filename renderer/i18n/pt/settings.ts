import type { en } from '../sections/settings';

/** Brazilian Portuguese wording for the backups settings section. */
export const pt: typeof en = {
  title: 'Backups',
  explain: 'Um backup de todos os dados é feito automaticamente uma vez por dia, e os 14 mais recentes ficam guardados em {{folder}}.',
  now: 'Fazer backup agora',
  working: 'Fazendo backup…',
  progressLabel: 'Progresso do backup',
  progressText: '{{done}} de {{total}} MB copiados',
  cancel: 'Cancelar backup',
  cancelled: 'Backup cancelado. Nada dele foi guardado.',
  done: 'Backup feito.',
  none: 'Ainda não há backups. O primeiro automático é feito um minuto depois de abrir o aplicativo.',
  when: 'Data',
  kind: 'Tipo',
  size: 'Tamanho',
  actions: 'Ações',
  restore: 'Restaurar',
  kinds: { auto: 'Diário', manual: 'Manual', 'pre-migration': 'Antes de uma atualização' },
  confirmTitle: 'Restaurar este backup?',
  confirmBody:
    'Tudo vai voltar a ficar como estava em {{when}}. Os dados atuais ficam guardados à parte, não são apagados. A restauração termina quando o aplicativo iniciar de novo.',
  pending: 'Há uma restauração pendente: feche e abra o aplicativo de novo para concluí-la.',
  restartToFinish: 'Restauração pronta. Feche e abra o aplicativo de novo para concluí-la.',
  restartingToFinish: 'Restauração pronta. O aplicativo reinicia em instantes para concluí-la.',
};
