import { browser } from '../../platform/browser';
import { chromeProverDeps } from './chrome-deps.ts';
import { createProver, type BrowserProver, type ProverDeps } from './create-prover.ts';
import type { CircuitInput } from '../../zk/witness.ts';

/**
 * Test-only: the global the benchmark (bench/extension-prove) and the e2e spec
 * (tests/e2e/prover.spec.ts) call through Playwright's service-worker handle.
 * Installed only by bench-entry.ts, the worker entry of `vite build --mode
 * bench`; the production worker never imports this file.
 */
export const PROVER_BENCH_GLOBAL = '__surfToEarnProverBench';

export type BenchPath = 'offscreen' | 'worker' | 'auto';

export interface BenchProveResult {
  /** Wall time of Prover.prove as the worker sees it (messaging included), ms. */
  ms: number;
  path: 'offscreen' | 'worker';
  timings: { loadMs: number; witnessMs: number; proveMs: number; threadsMs?: number };
  proof: unknown;
  publicSignals: string[];
  stages: string[];
}

export function installProverBenchHook(): void {
  // Test-only extra provers, outside the worker's alarm table: each listens for its own idle alarm.
  const listening = (deps: ProverDeps): ProverDeps => ({ ...deps, alarms: { create: deps.alarms.create, onAlarm: browser.alarms.onAlarm } });
  // 'auto' is the production choice (path-choice.ts); the other two force a path.
  const provers: Record<BenchPath, BrowserProver> = {
    offscreen: createProver(listening(chromeProverDeps({ mode: 'offscreen' }))),
    worker: createProver(listening(chromeProverDeps({ mode: 'worker' }))),
    auto: createProver(listening(chromeProverDeps({ mode: 'auto' }))),
  };
  const hook = async (input: CircuitInput, batchSize: number, path: BenchPath): Promise<BenchProveResult> => {
    const stages: string[] = [];
    const t0 = performance.now();
    const { proof, publicSignals } = await provers[path].prove(input, batchSize, (p) => {
      if (stages.at(-1) !== p.stage) stages.push(p.stage);
    });
    const ms = performance.now() - t0;
    const last = provers[path].last!;
    return { ms, path: last.path, timings: last.timings, proof, publicSignals: publicSignals.map(String), stages };
  };
  (globalThis as Record<string, unknown>)[PROVER_BENCH_GLOBAL] = hook;
}
