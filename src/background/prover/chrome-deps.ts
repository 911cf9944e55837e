import type { ProverDeps, ProverMode } from './create-prover.ts';

/**
 * Chrome's adapter for createProver (Firefox's is firefox-deps.ts): the
 * offscreen page as the threaded path, which needs Chrome-only APIs
 * (chrome.offscreen, runtime.getContexts), so this file uses the `chrome`
 * global (an adapter listed in eslint.config.js). Passed by Chrome's entry
 * (src/background/index.ts). Alarms without `onAlarm`: the worker's one alarm
 * table calls the prover's onIdleAlarm().
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
