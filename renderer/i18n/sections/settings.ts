/** Settings sections wording: English is the source, every language has the same keys. */
export const en = {
  title: 'Backups',
  explain: 'A backup of all data is made automatically once a day and the last 14 are kept, in {{folder}}.',
  now: 'Back up now',
  working: 'Backing up…',
  progressLabel: 'Backup progress',
  progressText: '{{done}} of {{total}} MB copied',
  cancel: 'Cancel backup',
  cancelled: 'Backup cancelled. Nothing was kept of it.',
  done: 'Backup made.',
  none: 'No backups yet. The first automatic one is made a minute after the app starts.',
  when: 'Made',
  kind: 'Kind',
  size: 'Size',
  actions: 'Actions',
  restore: 'Restore',
  kinds: { auto: 'Daily', manual: 'Manual', 'pre-migration': 'Before an update' },
  confirmTitle: 'Restore this backup?',
  confirmBody:
    'Everything will go back to how it was on {{when}}. The current data is kept aside, not deleted. The restore finishes when you close and reopen the app.',
  pending: 'A restore is waiting: close and reopen the app to finish it.',
  restartToFinish: 'Restore ready. Close and reopen the app to finish it.',
};

/** Spanish. */
export const es: typeof en = {
  title: 'Copias de seguridad',
  explain: 'Cada día se hace automáticamente una copia de todos los datos y se guardan las 14 últimas, en {{folder}}.',
  now: 'Hacer copia ahora',
  working: 'Haciendo la copia…',
  progressLabel: 'Progreso de la copia',
  progressText: '{{done}} de {{total}} MB copiados',
  cancel: 'Cancelar la copia',
  cancelled: 'Copia cancelada. No se guardó nada de ella.',
  done: 'Copia hecha.',
  none: 'Aún no hay copias. La primera automática se hace un minuto después de abrir la aplicación.',
  when: 'Fecha',
  kind: 'Tipo',
  size: 'Tamaño',
  actions: 'Acciones',
  restore: 'Restaurar',
  kinds: { auto: 'Diaria', manual: 'Manual', 'pre-migration': 'Antes de una actualización' },
  confirmTitle: '¿Restaurar esta copia?',
  confirmBody:
    'Todo volverá a como estaba el {{when}}. Los datos actuales se guardan aparte, no se borran. La restauración termina al cerrar y volver a abrir la aplicación.',
  pending: 'Hay una restauración pendiente: cierra y vuelve a abrir la aplicación para terminarla.',
  restartToFinish: 'Restauración preparada. Cierra y vuelve a abrir la aplicación para terminarla.',
};
