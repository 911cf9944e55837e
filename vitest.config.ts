import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The polyfill refuses to load outside an extension; unit tests get a small stand-in.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./tests/unit/helpers/fake-browser.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/circuits/**/*.test.ts', 'tests/anvil/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one, which on CI's 2 cores runs the files one by one
    // (612 s). Three at once overlap one file's waits (anvil, fault timers) with another's proving: 342 s
    // on the same machine, all green.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
