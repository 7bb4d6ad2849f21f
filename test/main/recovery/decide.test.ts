import { describe, expect, it } from 'vitest';
import { classifyStartupError, decideRecovery, errorDetail, type StartupFailureKind } from '../../../main/recovery/decide';
import { AppError } from '../../../main/services/app-error';
import { StoreError } from '../../../main/services/store/errors';

function errno(code: string, message = `${code}: failed`): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('classifyStartupError', () => {
  it.each<[unknown, StartupFailureKind]>([
    [new StoreError('locked', 'The data folder is in use by another running copy of the app (process 4242).'), 'in-use'],
    [new StoreError('already_open', 'already open'), 'in-use'],
    [errno('EBUSY'), 'in-use'],
    [errno('EACCES'), 'no-access'],
    [errno('EPERM'), 'no-access'],
    [errno('EROFS'), 'no-access'],
    [errno('ENOTDIR'), 'no-access'],
    [errno('ENOSPC'), 'disk-full'],
    [new StoreError('corrupt', 'The contacts snapshot is damaged'), 'damaged'],
    [new StoreError('migration_failed', 'Migration to schema 3 failed'), 'damaged'],
    [new StoreError('schema_too_new', 'newer version'), 'too-new'],
    [new StoreError('restore_failed', 'Could not move the current data aside'), 'restore-failed'],
    [new StoreError('backup_invalid', 'bad backup'), 'restore-failed'],
    [new AppError('vault_unreadable', 'The secrets file is damaged.'), 'secrets'],
    [new Error('boom'), 'unknown'],
    ['a string', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (error, kind) => {
    expect(classifyStartupError(error)).toBe(kind);
  });

  it('looks through the cause chain (a write failure caused by a full disk)', () => {
    const error = new StoreError('write_failed', 'Could not write contacts.journal', { cause: errno('ENOSPC') });
    expect(classifyStartupError(error)).toBe('disk-full');
  });
});

describe('decideRecovery', () => {
  it('offers a backup to restore only when one exists, and Quit always, last', () => {
    const damaged = new StoreError('corrupt', 'damaged');
    expect(decideRecovery(damaged, { backupsAvailable: true }).actions).toEqual(['restore-backup', 'open-data-folder', 'quit']);
    expect(decideRecovery(damaged, { backupsAvailable: false }).actions).toEqual(['open-data-folder', 'quit']);
    for (const error of [errno('EACCES'), new Error('x'), new StoreError('locked', 'l'), new AppError('vault_unreadable', 'v')]) {
      for (const backupsAvailable of [true, false]) expect(decideRecovery(error, { backupsAvailable }).actions.at(-1)).toBe('quit');
    }
  });

  it('offers to enter the secrets again when the secrets file cannot be read', () => {
    expect(decideRecovery(new AppError('vault_unreadable', 'damaged'), { backupsAvailable: true }).actions).toEqual([
      're-enter-secrets',
      'open-data-folder',
      'quit',
    ]);
  });

  it('offers Try again first when waiting or freeing something can fix it', () => {
    expect(decideRecovery(new StoreError('locked', 'in use'), { backupsAvailable: true }).actions[0]).toBe('retry');
    expect(decideRecovery(new Error('?'), { backupsAvailable: true }).actions).toEqual(['retry', 'restore-backup', 'open-data-folder', 'quit']);
    expect(decideRecovery(errno('ENOSPC'), { backupsAvailable: true }).actions).toContain('retry');
  });

  it('keeps the technical detail of every error in the chain for support', () => {
    const error = new StoreError('write_failed', 'Could not write contacts.journal', { cause: errno('ENOSPC', 'ENOSPC: no space left on device') });
    expect(decideRecovery(error, { backupsAvailable: false }).detail).toBe(
      'StoreError (write_failed): Could not write contacts.journal\nError (ENOSPC): ENOSPC: no space left on device',
    );
    expect(errorDetail('plain text')).toBe('plain text');
  });
});
