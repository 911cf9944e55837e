import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs: the built extension (dist/) in headless Debian Chromium,
 * launched by the fixtures in tests/e2e/support (never `playwright install`).
 * Two workers: each spec starts its own browser, profile, fixture server and
 * anvil on a free port (only earning.spec.ts uses the bundled devnet's fixed
 * port, and a file's tests stay in one worker). Most of a spec is active-dwell
 * and chain waits (~10–20 s each), so on CI's 2 cores two at once took
 * 8.4 min where one took 12.6 min, all green.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', actionTimeout: 15_000 },
});
