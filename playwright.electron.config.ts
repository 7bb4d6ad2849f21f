import { defineConfig } from '@playwright/test';

/** The Electron end-to-end suite: runs where an Electron binary is installed, skips with its reason elsewhere. */
export default defineConfig({
  testDir: 'test/e2e-electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/electron.json' }]] : 'list',
  outputDir: 'test-results/e2e-electron-artifacts',
});
