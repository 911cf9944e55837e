import type { ProverDeps, ProverMode } from './create-prover.ts';

/**
 * The real browser for createProver: `createProver(chromeProverDeps())` in the
 * worker's top level. Alarms without `onAlarm`: the worker's one alarm table
 * calls the prover's onIdleAlarm().
 */
export function chromeProverDeps(options: { mode?: ProverMode; idleMs?: number } = {}): ProverDeps {
  return {
    runtime: chrome.runtime as unknown as ProverDeps['runtime'],
    offscreen: typeof chrome.offscreen?.createDocument === 'function' ? (chrome.offscreen as unknown as ProverDeps['offscreen']) : undefined,
    storage: chrome.storage.local,
    alarms: { create: (name, info) => chrome.alarms.create(name, info as chrome.alarms.AlarmCreateInfo) },
    now: () => Date.now(),
    version: chrome.runtime.getManifest().version,
    cores: typeof navigator === 'object' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : undefined,
    ...options,
  };
}
