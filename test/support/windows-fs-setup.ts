/**
 * Setup of the "windows-fs" vitest project: every module the tests load sees the Windows-like file system of
 * ./windows-fs.ts instead of the real `node:fs` / `node:fs/promises`.
 */
import { vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const { windowsFsPromises } = await import('./windows-fs');
  return windowsFsPromises(await importOriginal<typeof import('node:fs/promises')>());
});

vi.mock('node:fs', async (importOriginal) => {
  const { windowsNodeFs } = await import('./windows-fs');
  const promises = await import('node:fs/promises');
  return windowsNodeFs(await importOriginal<typeof import('node:fs')>(), promises as typeof import('node:fs/promises'));
});

// Antivirus and indexers hold fresh files for a moment: every rename fails once before it works.
const { windowsFs } = await import('./windows-fs');
windowsFs.setTransientRenameFailures(1, 'EBUSY');
