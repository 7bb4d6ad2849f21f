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
