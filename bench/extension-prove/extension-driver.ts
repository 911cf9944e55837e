import type { BrowserContext, Worker } from '@playwright/test';
import { launchBrowser } from '../../tests/e2e/support/launch.ts';
import { PROVER_BENCH_GLOBAL, type BenchPath, type BenchProveResult } from '../../src/background/prover/bench-hook-api.ts';
import type { CircuitInput } from '../../src/zk/index.ts';

export type ExtensionPath = BenchPath;

/** The bench build in headless Chromium, driven through the worker's test-only hook. */
export interface ExtensionDriver {
  context: BrowserContext;
  worker: Worker;
  prove(input: CircuitInput, batchSize: number, path: ExtensionPath): Promise<BenchProveResult>;
  close(): Promise<void>;
}

export async function launchExtension(extensionDir: string): Promise<ExtensionDriver> {
  const context: BrowserContext = await launchBrowser({ extensionDir, hostResolverRules: 'MAP * ~NOTFOUND' });
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (name) => {
    const g = globalThis as Record<string, unknown>;
    for (let i = 0; i < 100 && typeof g[name] !== 'function'; i++) await new Promise((r) => setTimeout(r, 50));
    if (typeof g[name] !== 'function') throw new Error('no prover bench hook: is this the --mode bench build?');
  }, PROVER_BENCH_GLOBAL);
  return {
    context,
    worker,
    prove: (input, batchSize, path) =>
      worker.evaluate(
        ([name, i, b, p]) => (globalThis as unknown as Record<string, (...a: unknown[]) => Promise<BenchProveResult>>)[name](i, b, p),
        [PROVER_BENCH_GLOBAL, input, batchSize, path] as const,
      ),
    close: () => context.close(),
  };
}
