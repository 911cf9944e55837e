import type { ProverDeps, ProverMode } from './create-prover.ts';

/** The real browser for createProver: `createProver(chromeProverDeps())` in the worker's top level. */
export function chromeProverDeps(options: { mode?: ProverMode; idleMs?: number } = {}): ProverDeps {
  return {
    runtime: chrome.runtime as unknown as ProverDeps['runtime'],
    offscreen: typeof chrome.offscreen?.createDocument === 'function' ? (chrome.offscreen as unknown as ProverDeps['offscreen']) : undefined,
    storage: chrome.storage.local,
    alarms: chrome.alarms,
    now: () => Date.now(),
    ...options,
  };
}
