import { defineConfig } from 'vitest/config';

/** Suites that touch the data folder's files: they also run on a file system that behaves like Windows. */
const WINDOWS_FS_SUITES = [
  'test/main/services/store/**/*.test.ts',
  'test/main/services/backup-service.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'test/e2e-electron/**', 'node_modules/**'],
        },
      },
      {
        // The same suites again, with EPERM on directory fsync, EPERM when renaming open files or folders, and
        // transient rename failures (test/support/windows-fs.ts): what shop PCs on Windows do.
        extends: true,
        test: {
          name: 'windows-fs',
          include: WINDOWS_FS_SUITES,
          // Its contenders are child processes on the real file system: a second run would only cost time.
          exclude: ['test/main/services/store/lock-race.test.ts'],
          setupFiles: ['test/support/windows-fs-setup.ts'],
        },
      },
    ],
  },
});
