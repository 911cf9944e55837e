import { browser } from '../../platform/browser';
import { chromeProverDeps } from './chrome-deps.ts';
import { createProver, type BrowserProver, type ProverDeps } from './create-prover.ts';
import type { CircuitInput } from '../../zk/witness.ts';
import { PROVER_BENCH_GLOBAL, type BenchPath, type BenchProveResult } from './bench-hook-api.ts';

export { PROVER_BENCH_GLOBAL, type BenchPath, type BenchProveResult };

/** Installs the test-only prover hook (bench-entry.ts only; see bench-hook-api.ts). */

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
    const stageAt: Record<string, number> = {};
    let provingEvents = 0;
    const t0 = performance.now();
    const { proof, publicSignals } = await provers[path].prove(input, batchSize, (p) => {
      if (stages.at(-1) !== p.stage) {
        stages.push(p.stage);
        stageAt[p.stage] ??= Date.now();
      }
      if (p.stage === 'proving') provingEvents++;
    });
    const ms = performance.now() - t0;
    const endAt = Date.now();
    const last = provers[path].last!;
    return { ms, path: last.path, timings: last.timings, proof, publicSignals: publicSignals.map(String), stages, stageAt, endAt, provingEvents };
  };
  (globalThis as Record<string, unknown>)[PROVER_BENCH_GLOBAL] = hook;
}
