import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs: the built extension (dist/) in headless Debian Chromium,
 * launched by the fixtures in tests/e2e/support (never `playwright install`).
 * One worker: each spec starts its own browser, and the machine is small.
 * Active-dwell waits make specs take ~10–20 s each.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', actionTimeout: 15_000 },
});
