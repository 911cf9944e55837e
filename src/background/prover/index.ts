/**
 * The worker's Prover (src/background/services.ts): Groth16 proofs in the
 * offscreen page with worker threads, or single-threaded in the worker.
 */
export { createProver, type BrowserProver, type ProverDeps, type ProverMode } from './create-prover.ts';
export { chromeProverDeps } from './chrome-deps.ts';
export { ProverError } from './errors.ts';
export { IDLE_ALARM as PROVER_IDLE_ALARM, OFFSCREEN_PATH } from './offscreen-document.ts';
export { TIMINGS_KEY as PROVER_TIMINGS_KEY } from './timings.ts';
