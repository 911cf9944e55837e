import { browser } from '../../platform/browser';
import type { ProverDeps, ProverMode } from './create-prover.ts';
import { createWorkerHost } from './worker-host.ts';

/**
 * Firefox's adapter for createProver (the counterpart of chrome-deps.ts): no
 * offscreen API, so the 'offscreen' path is a dedicated Worker the event page
 * starts (worker-host.ts, src/offscreen/worker.ts). Alarms without `onAlarm`:
 * the background's one alarm table calls the prover's onIdleAlarm().
 */
export function firefoxProverDeps(options: { mode?: ProverMode; idleMs?: number } = {}): ProverDeps {
  const now = (): number => Date.now();
  const alarms = { create: (name: string, info: { delayInMinutes?: number }) => browser.alarms.create(name, info) };
  return {
    // The worker path uses getURL only; sendMessage/connect/getContexts belong to Chrome's offscreen path.
    runtime: browser.runtime as unknown as ProverDeps['runtime'],
    threads: createWorkerHost({
      // Vite bundles src/offscreen/worker.ts as its own module script (vite.config.ts `worker`).
      spawn: () => new Worker(new URL('../../offscreen/worker.ts', import.meta.url), { type: 'module' }),
      alarms,
      now,
      idleMs: options.idleMs ?? 120_000,
    }),
    storage: browser.storage.local,
    alarms,
    now,
    version: browser.runtime.getManifest().version,
    cores: typeof navigator === 'object' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : undefined,
    ...options,
  };
}
