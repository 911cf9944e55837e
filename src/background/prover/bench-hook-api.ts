/**
 * Test-only: the global the benchmark (bench/extension-prove) and the e2e spec
 * (tests/e2e/prover.spec.ts) call through Playwright's service-worker handle.
 * Installed only by bench-entry.ts (bench-hook.ts), the worker entry of `vite build --mode
 * bench`; the production worker never imports it. This file holds only the
 * names, so Node (Playwright specs, the bench driver) can import them without
 * the browser API layer, which refuses to load outside an extension.
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
  /** Date.now() at each stage's first progress event, and when the proof came back (the worker's clock). */
  stageAt: Record<string, number>;
  endAt: number;
  /** Progress events in the proving stage: one at its start, then one per tick the realm had a turn for. */
  provingEvents: number;
}

