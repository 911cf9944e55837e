import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e-firefox`: the end-to-end suite in real Firefox
 * (tests/e2e-firefox, puppeteer-core over WebDriver BiDi). globalSetup builds
 * dist-firefox-e2e/ first. One file at a time: each test starts its own Firefox,
 * the mint test its own anvil on the devnet port, and the machine is small.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    globalSetup: ['tests/e2e-firefox/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 360_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
