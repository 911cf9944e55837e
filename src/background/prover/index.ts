/**
 * The background's Prover (src/background/services.ts): Groth16 proofs with
 * worker threads in a ThreadHost (Chrome's offscreen page, Firefox's dedicated
 * Worker), or single-threaded in the background itself. The browser adapters
 * are chrome-deps.ts and firefox-deps.ts (imported by Firefox's entry only: it
 * loads the polyfill, which refuses to load outside an extension).
 */
export { createProver, type BrowserProver, type ProverDeps, type ProverMode } from './create-prover.ts';
export { chromeProverDeps } from './chrome-deps.ts';
export { ProverError } from './errors.ts';
export { createWorkerHost, type WorkerLike } from './worker-host.ts';
export type { ProveJob, ThreadHost } from './thread-host.ts';
export { IDLE_ALARM as PROVER_IDLE_ALARM, OFFSCREEN_PATH } from './offscreen-document.ts';
export { TIMINGS_KEY as PROVER_TIMINGS_KEY } from './timings.ts';
